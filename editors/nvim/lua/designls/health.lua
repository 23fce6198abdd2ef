-- :checkhealth designls. Neovim 0.7 offers the report functions in the
-- 'health' module (report_start, report_ok...); 0.8 moved them to
-- vim.health, and 0.10 renamed them (start, ok...).
local M = {}

local function api()
  local h = vim.health or require('health')
  return {
    start = h.start or h.report_start,
    ok = h.ok or h.report_ok,
    warn = h.warn or h.report_warn,
    error = h.error or h.report_error,
    info = h.info or h.report_info,
  }
end

function M.check()
  local h = api()
  local config = require('designls.config')
  h.start('designls')

  if vim.fn.has('nvim-0.7') == 1 then
    local v = vim.version()
    h.ok(('Neovim %d.%d.%d'):format(v.major, v.minor, v.patch))
  else
    h.error('Neovim 0.7 or newer is required')
  end

  if config.configured then
    h.ok("require('designls').setup() was called")
  elseif vim.lsp.config then
    h.info("setup() was not called; vim.lsp.enable('designls') uses lsp/designls.lua from this plugin")
  else
    h.warn("require('designls').setup() was not called, so no server starts", {
      "Add require('designls').setup{} to your init.lua",
    })
  end

  local bin = config.options.cmd[1]
  local path = vim.fn.exepath(bin)
  if path == '' then
    h.error(('server binary %q not found'):format(bin), {
      'Install it: go install github.com/designls/designls/cmd/...@latest',
      'or unpack a release archive (designls and designls-lsp) into a folder on $PATH',
      "or point setup{ cmd = { '/path/to/designls', 'serve' } } at it",
    })
    return
  end
  h.ok('server binary: ' .. path)

  local out = vim.fn.system({ path, 'version' })
  if vim.v.shell_error ~= 0 then
    h.error(('`%s version` failed: %s'):format(path, vim.trim(out)))
    return
  end
  local version = vim.trim(out)
  if version:match('^designls ') then
    h.ok('server version: ' .. version)
  else
    h.warn(('`%s version` printed %q, not "designls <version>"; is this the right binary?'):format(path, version))
  end

  -- `designls serve` runs the designls-lsp beside the designls binary
  -- (links resolved), else the one on $PATH; without it no server starts.
  if not vim.fn.fnamemodify(path, ':t'):match('^designls%-lsp') then
    local exe = vim.fn.has('win32') == 1 and '.exe' or ''
    local beside = vim.fn.fnamemodify(vim.fn.resolve(path), ':h') .. '/designls-lsp' .. exe
    if vim.fn.executable(beside) == 1 then
      h.ok('language server: ' .. beside)
    elseif vim.fn.exepath('designls-lsp') ~= '' then
      h.ok('language server (from $PATH): ' .. vim.fn.exepath('designls-lsp'))
    else
      h.error(('designls-lsp is neither beside %s nor on $PATH; `designls serve` runs it'):format(path), {
        'Install both binaries: go install github.com/designls/designls/cmd/...@latest',
        'or unpack both binaries of a release archive into one folder',
      })
    end
  end

  local clients = require('designls').clients(nil)
  if #clients == 0 then
    h.info('no designls server is running; open a Markdown file to start one')
  else
    for _, c in ipairs(clients) do
      local bufs = {}
      for b in pairs(c.attached_buffers or {}) do
        table.insert(bufs, vim.fn.fnamemodify(vim.api.nvim_buf_get_name(b), ':~:.'))
      end
      table.sort(bufs)
      h.ok(('server %d running in %s, attached to: %s'):format(c.id, c.config.root_dir or '?', table.concat(bufs, ', ')))
    end
  end
end

return M
