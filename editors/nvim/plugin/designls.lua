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

local function complete_templates(arg_lead)
  local names = require('designls').templates() or {}
  return vim.tbl_filter(function(n)
    return vim.startswith(n, arg_lead)
  end, names)
end

vim.api.nvim_create_user_command('DesignlsNew', function(cmd)
  require('designls').new(cmd.fargs[1], cmd.fargs[2])
end, {
  nargs = '*',
  complete = function(arg_lead, line)
    -- Only the first argument is a template; the second is a file name.
    if #vim.split(line, '%s+', { trimempty = false }) > 2 then
      return vim.fn.getcompletion(arg_lead, 'file')
    end
    return complete_templates(arg_lead)
  end,
  desc = 'New design doc from a designls template: :DesignlsNew [template] [file]',
})

vim.api.nvim_create_user_command('DesignlsInsertMissing', function()
  require('designls').insert_missing(0)
end, { nargs = 0, desc = 'Insert every missing core section of this design doc' })

vim.api.nvim_create_user_command('DesignlsScorecard', function()
  require('designls').scorecard(0)
end, { nargs = 0, desc = "Show this design doc's coverage scorecard" })
