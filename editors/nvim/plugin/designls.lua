-- User commands. They exist as soon as the plugin is on 'runtimepath', so
-- they also work for people who start the server with vim.lsp.enable and
-- never call setup().
if vim.g.loaded_designls then
  return
end
vim.g.loaded_designls = true

if vim.fn.has('nvim-0.7') == 0 then
  vim.api.nvim_err_writeln('designls needs Neovim 0.7 or newer')
  return
end

require('designls').create_commands()
