-- End-to-end scenario for the Neovim plugin, run by nvim_test.go as
--   nvim --headless --clean -u nvim_e2e.lua
-- It drives the editor the way a user would (open, wait, code action menu,
-- :write, the plugin's commands) and records what it saw in a JSON file for
-- the Go test to judge. Every wait is bounded; a failure records the error
-- and exits non-zero.
local function env(name)
  local v = os.getenv(name)
  if v == nil or v == '' then
    error(name .. ' is not set')
  end
  return v
end

local bin = env('DESIGNLS_BIN')
local plugin = env('DESIGNLS_PLUGIN')
local doc = env('DESIGNLS_DOC')
local new_doc = env('DESIGNLS_NEW_DOC')
local out = env('DESIGNLS_RESULT')
local timeout = tonumber(os.getenv('DESIGNLS_STEP_TIMEOUT_MS') or '') or 20000

local result = { steps = {} }

local function save()
  local f = assert(io.open(out, 'w'))
  f:write(vim.fn.json_encode(result))
  f:close()
end

-- step records progress before each stage, so a timeout says where it hung.
local function step(name)
  table.insert(result.steps, name)
  save()
end

-- Messages Neovim shows the user, kept for the report; a server that
-- quits ends every wait at once instead of at its timeout.
result.messages = {}
local server_quit
local notify = vim.notify
vim.notify = function(msg, level, opts)
  table.insert(result.messages, tostring(msg))
  if tostring(msg):match('quit with exit code') then
    server_quit = tostring(msg)
  end
  return notify(msg, level, opts)
end

local function wait(what, pred)
  local ok = vim.wait(timeout, function()
    return server_quit ~= nil or pred()
  end, 50)
  if server_quit then
    error(('the server quit while waiting for %s: %s'):format(what, server_quit), 2)
  end
  if not ok then
    error(('timed out after %d ms waiting for %s'):format(timeout, what), 2)
  end
end

local function diagnostics(bufnr)
  local list = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local lsp = (d.user_data or {}).lsp or {}
    local data = lsp.data
    table.insert(list, {
      code = d.code or lsp.code,
      concern = type(data) == 'table' and data.concern or vim.NIL,
      source = d.source,
      line = d.lnum,
      col = d.col,
      severity = d.severity,
      message = d.message,
    })
  end
  table.sort(list, function(a, b)
    if a.line ~= b.line then
      return a.line < b.line
    end
    return tostring(a.concern) < tostring(b.concern)
  end)
  return list
end

local function find(list, code, concern)
  for _, d in ipairs(list) do
    if d.code == code and d.concern == concern then
      return d
    end
  end
end

-- The version each publishDiagnostics named, by URI: waiting until it
-- equals the buffer's own version means the server has checked the text
-- as it is now, not an intermediate state of a multi-edit change.
local published = {}

local function track_published()
  local orig = vim.lsp.handlers['textDocument/publishDiagnostics']
  vim.lsp.handlers['textDocument/publishDiagnostics'] = function(err, res, ctx, cfg)
    if res and res.uri then
      published[res.uri] = res.version
    end
    return orig(err, res, ctx, cfg)
  end
end

local function synced(bufnr)
  local v = published[vim.uri_from_bufnr(bufnr)]
  return type(v) == 'number' and v == vim.lsp.util.buf_versions[bufnr]
end

local function lines(bufnr)
  return vim.api.nvim_buf_get_lines(bufnr, 0, -1, false)
end

local function has_heading(bufnr, title)
  for _, l in ipairs(lines(bufnr)) do
    if l:match('^#+%s+' .. title .. '%s*$') then
      return true
    end
  end
  return false
end

local function read_file(path)
  local f = assert(io.open(path, 'rb'))
  local s = f:read('*a')
  f:close()
  return s
end

local function main()
  vim.opt.runtimepath:prepend(plugin)
  vim.cmd('filetype on')
  vim.cmd('runtime plugin/designls.lua')
  vim.lsp.set_log_level('debug')
  track_published()
  result.log = vim.lsp.get_log_path()
  local designls = require('designls')

  step('setup')
  -- One server setting travels with the client options, to show that
  -- setup() passes them on: the quick fix's TODO prompts would otherwise
  -- raise placeholder diagnostics.
  if not designls.setup({ cmd = { bin, 'serve' }, scorecard = 'split', disable = { 'placeholder' } }) then
    error('setup() refused the options')
  end
  -- lsp/designls.lua is what Neovim 0.11's vim.lsp.config reads; it must
  -- reflect the options given to setup().
  result.lsp_config = dofile(plugin .. '/lsp/designls.lua')
  result.lsp_config.on_attach = nil
  result.lsp_config.capabilities = nil

  step('open the design doc')
  vim.cmd('edit ' .. vim.fn.fnameescape(doc))
  local buf = vim.api.nvim_get_current_buf()
  local win = vim.api.nvim_get_current_win()
  result.filetype = vim.bo[buf].filetype
  wait('the designls client to attach', function()
    return #designls.clients(buf) > 0
  end)

  step('wait for diagnostics')
  wait('a missing-section diagnostic for concern slo', function()
    return find(diagnostics(buf), 'missing-section', 'slo') ~= nil
  end)
  result.before = diagnostics(buf)

  step('code action on the slo diagnostic')
  local d = find(result.before, 'missing-section', 'slo')
  vim.api.nvim_win_set_cursor(win, { d.line + 1, d.col })
  -- vim.ui.select is the menu Neovim shows for code actions; answering it
  -- by title is what a user does by picking the entry.
  local chosen
  vim.ui.select = function(items, opts, on_choice)
    local titles = {}
    for i, item in ipairs(items) do
      local title = opts and opts.format_item and opts.format_item(item) or tostring(item)
      titles[i] = title
      if title == 'Insert SLO section' then
        chosen = item
      end
    end
    result.code_actions = titles
    on_choice(chosen)
  end
  vim.lsp.buf.code_action()
  wait('the code action menu', function()
    return result.code_actions ~= nil
  end)
  if chosen == nil then
    error('no code action titled "Insert SLO section"; offered: ' .. table.concat(result.code_actions, ' | '))
  end
  wait('an SLO heading in the buffer', function()
    return has_heading(buf, 'SLO')
  end)

  step('write and wait for the slo diagnostic to go')
  vim.cmd('write')
  wait('diagnostics for the fixed text', function()
    return synced(buf)
  end)
  if find(diagnostics(buf), 'missing-section', 'slo') ~= nil then
    error('the slo missing-section diagnostic is still there after the fix')
  end
  result.after_fix = diagnostics(buf)
  result.after_fix_file = read_file(doc)
  result.alive_after_fix = #designls.clients(buf) > 0

  step(':DesignlsScorecard')
  vim.cmd('DesignlsScorecard')
  wait('the scorecard buffer', function()
    local b = vim.fn.bufnr('designls://scorecard')
    return b ~= -1 and table.concat(lines(b), '\n') ~= ''
  end)
  result.scorecard = table.concat(lines(vim.fn.bufnr('designls://scorecard')), '\n')
  vim.api.nvim_set_current_win(win)

  step('scorecard in a floating window')
  require('designls.config').options.scorecard = 'float'
  local float_buf
  designls.scorecard(buf, function(b)
    float_buf = b
  end)
  wait('the floating scorecard', function()
    return float_buf ~= nil
  end)
  result.float_scorecard = table.concat(lines(float_buf), '\n')
  result.float_is_floating = vim.api.nvim_win_get_config(vim.fn.bufwinid(float_buf)).relative ~= ''
  vim.api.nvim_set_current_win(win)

  step(':DesignlsInsertMissing')
  local before_lines = #lines(buf)
  vim.cmd('DesignlsInsertMissing')
  wait('the missing sections in the buffer', function()
    return #lines(buf) > before_lines
  end)
  vim.cmd('write')
  wait('diagnostics for the text with the sections inserted', function()
    return synced(buf)
  end)
  result.after_insert_missing = diagnostics(buf)

  step(':DesignlsNew')
  vim.cmd('DesignlsNew system-design ' .. vim.fn.fnameescape(new_doc))
  result.new_text = table.concat(lines(0), '\n')
  result.new_name = vim.api.nvim_buf_get_name(0)
  vim.cmd('write')

  step(':checkhealth designls')
  vim.cmd('checkhealth designls')
  result.health = table.concat(lines(0), '\n')

  result.ok = true
  step('done')
end

local function run()
  local ok, err = xpcall(main, debug.traceback)
  if not ok then
    result.error = tostring(err)
    save()
    vim.cmd('cquit')
    return
  end
  save()
  vim.cmd('qall!')
end

-- Run once startup is over, so that the editor is in the state a user's
-- first command would find it in.
vim.api.nvim_create_autocmd('VimEnter', {
  once = true,
  callback = function()
    vim.schedule(run)
  end,
})
