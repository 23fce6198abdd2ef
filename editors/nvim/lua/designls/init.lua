-- designls for Neovim: starts `designls serve` on Markdown buffers and adds
-- a few commands that call the server's workspace commands. Everything a
-- document is judged by lives in the server; this file only wires it up.
--
-- Neovim 0.11+ uses vim.lsp.config/vim.lsp.enable (with lsp/designls.lua
-- from this plugin as the base config); 0.8-0.10 use vim.lsp.start; 0.7
-- uses vim.lsp.start_client and vim.lsp.buf_attach_client.
local config = require('designls.config')

local M = {}

local name = 'designls'

local function notify(msg, level)
  vim.notify('designls: ' .. msg, level or vim.log.levels.INFO)
end

local function has(feature)
  return vim.fn.has(feature) == 1
end

-- The client API moved from functions to methods in 0.11; the function
-- form still works there but warns.
local function request(client, method, params, handler, bufnr)
  if has('nvim-0.11') then
    return client:request(method, params, handler, bufnr)
  end
  return client.request(method, params, handler, bufnr)
end

local function request_sync(client, method, params, timeout_ms, bufnr)
  if has('nvim-0.11') then
    return client:request_sync(method, params, timeout_ms, bufnr)
  end
  return client.request_sync(method, params, timeout_ms, bufnr)
end

-- clients returns the designls clients attached to bufnr, or every running
-- designls client when bufnr is nil.
function M.clients(bufnr)
  if vim.lsp.get_clients then
    return vim.lsp.get_clients({ name = name, bufnr = bufnr })
  end
  local all = bufnr and vim.lsp.buf_get_clients(bufnr) or vim.lsp.get_active_clients()
  local out = {}
  for _, c in pairs(all) do
    if c.name == name then
      table.insert(out, c)
    end
  end
  return out
end

-- Clients started on 0.7, keyed by root folder, so that every buffer of a
-- project shares one server.
local by_root = {}

local function attachable(bufnr)
  if not vim.api.nvim_buf_is_valid(bufnr) then
    return false
  end
  -- Scratch buffers (the scorecard, help, terminals) have a buftype, and a
  -- buffer without a name has no URI the server could report on.
  return vim.bo[bufnr].buftype == '' and vim.api.nvim_buf_get_name(bufnr) ~= ''
end

local function start_0_7(bufnr)
  local file = vim.api.nvim_buf_get_name(bufnr)
  local root = config.find_root(file, config.options.root_markers) or vim.fn.fnamemodify(file, ':p:h')
  local id = by_root[root]
  if id == nil or vim.lsp.get_client_by_id(id) == nil then
    local cfg = config.client_config()
    cfg.root_dir = root
    cfg.workspace_folders = { { uri = vim.uri_from_fname(root), name = root } }
    cfg.root_markers = nil
    cfg.filetypes = nil
    local on_exit = cfg.on_exit
    cfg.on_exit = function(code, signal, client_id)
      if by_root[root] == client_id then
        by_root[root] = nil
      end
      if on_exit then
        on_exit(code, signal, client_id)
      end
    end
    id = vim.lsp.start_client(cfg)
    if id == nil then
      notify(('could not start %s'):format(table.concat(cfg.cmd, ' ')), vim.log.levels.ERROR)
      return
    end
    by_root[root] = id
  end
  vim.lsp.buf_attach_client(bufnr, id)
end

local function start_0_8(bufnr)
  local file = vim.api.nvim_buf_get_name(bufnr)
  local cfg = config.client_config()
  cfg.root_dir = config.find_root(file, config.options.root_markers) or vim.fn.fnamemodify(file, ':p:h')
  cfg.root_markers = nil
  cfg.filetypes = nil
  vim.lsp.start(cfg, { bufnr = bufnr })
end

-- attach starts (or reuses) the server for bufnr. Exposed for users who set
-- autostart = false and want to decide themselves.
function M.attach(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  if not attachable(bufnr) then
    return
  end
  if vim.lsp.start then
    start_0_8(bufnr)
  else
    start_0_7(bufnr)
  end
end

local group

-- setup takes the client options (cmd, filetypes, root_markers, on_attach,
-- capabilities, scorecard, autostart) and the server settings (include,
-- exclude, rubric, rubrics, severity, disable, synonyms, templates) in one
-- table, the way .designls.yaml spells them.
function M.setup(user)
  local opts, err = config.normalize(user)
  if not opts then
    notify(err:gsub('^designls: ', ''), vim.log.levels.ERROR)
    return false
  end
  config.options = opts
  config.configured = true
  M.create_commands()

  if vim.lsp.config and vim.lsp.enable then
    local cfg = config.client_config(opts)
    cfg.name = nil
    vim.lsp.config(name, cfg)
    if opts.autostart then
      vim.lsp.enable(name)
    end
    return true
  end

  group = vim.api.nvim_create_augroup('designls', { clear = true })
  if not opts.autostart then
    return true
  end
  vim.api.nvim_create_autocmd('FileType', {
    group = group,
    pattern = opts.filetypes,
    callback = function(args)
      M.attach(args.buf)
    end,
  })
  -- Buffers opened before setup() ran missed their FileType event.
  for _, bufnr in ipairs(vim.api.nvim_list_bufs()) do
    if vim.api.nvim_buf_is_loaded(bufnr) and vim.tbl_contains(opts.filetypes, vim.bo[bufnr].filetype) then
      M.attach(bufnr)
    end
  end
  return true
end

-- execute runs a designls workspace command on the server attached to
-- bufnr (or any designls server when bufnr is nil) and hands the result to
-- on_result.
function M.execute(bufnr, command, arguments, on_result)
  local list = M.clients(bufnr)
  local client = list[1]
  if client == nil then
    if bufnr then
      notify('the server is not attached to this buffer; is it a Markdown file, and is `designls` installed? See :checkhealth designls', vim.log.levels.WARN)
    else
      notify('no designls server is running', vim.log.levels.WARN)
    end
    return false
  end
  request(client, 'workspace/executeCommand', { command = command, arguments = arguments }, function(err, result)
    if err then
      notify(('%s failed: %s'):format(command, err.message or vim.inspect(err)), vim.log.levels.ERROR)
      return
    end
    if on_result then
      on_result(result, client)
    end
  end, bufnr)
  return true
end

local function current_uri(bufnr)
  return vim.uri_from_bufnr(bufnr)
end

-- insert_missing asks the server for every missing core section; the server
-- applies the edit through workspace/applyEdit, which Neovim handles.
function M.insert_missing(bufnr)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  return M.execute(bufnr, 'designls.insertMissing', { { uri = current_uri(bufnr) } })
end

local function split_lines(text)
  local lines = vim.split(text or '', '\n', { plain = true })
  for i, l in ipairs(lines) do
    lines[i] = l:gsub('\r$', '')
  end
  if #lines > 1 and lines[#lines] == '' then
    table.remove(lines)
  end
  return lines
end

local scorecard_buf

local function show_split(lines)
  if scorecard_buf == nil or not vim.api.nvim_buf_is_valid(scorecard_buf) then
    scorecard_buf = vim.api.nvim_create_buf(false, true)
    -- buftype first, so the FileType event below does not start a server.
    vim.bo[scorecard_buf].buftype = 'nofile'
    vim.bo[scorecard_buf].bufhidden = 'hide'
    vim.bo[scorecard_buf].swapfile = false
    vim.api.nvim_buf_set_name(scorecard_buf, 'designls://scorecard')
    vim.bo[scorecard_buf].filetype = 'markdown'
  end
  vim.bo[scorecard_buf].modifiable = true
  vim.api.nvim_buf_set_lines(scorecard_buf, 0, -1, false, lines)
  vim.bo[scorecard_buf].modifiable = false
  local win = vim.fn.bufwinid(scorecard_buf)
  if win == -1 then
    vim.cmd('botright split')
    vim.api.nvim_win_set_buf(0, scorecard_buf)
  else
    vim.api.nvim_set_current_win(win)
  end
  return scorecard_buf
end

-- scorecard shows the server's coverage report for the buffer. on_shown,
-- if given, receives the buffer that holds the report.
function M.scorecard(bufnr, on_shown)
  bufnr = (bufnr == nil or bufnr == 0) and vim.api.nvim_get_current_buf() or bufnr
  return M.execute(bufnr, 'designls.scorecard', { { uri = current_uri(bufnr) } }, function(result)
    local lines = split_lines(result and result.markdown)
    local shown
    if config.options.scorecard == 'split' then
      shown = show_split(lines)
    else
      shown = vim.lsp.util.open_floating_preview(lines, 'markdown', {
        border = 'rounded',
        focus_id = 'designls-scorecard',
        max_width = math.max(60, math.floor(vim.o.columns * 0.6)),
      })
    end
    if on_shown then
      on_shown(shown)
    end
  end)
end

local function exe()
  return config.options.cmd[1]
end

-- cli runs `designls ARGS...` and returns its stdout, or nil and a message.
local function cli(args)
  local argv = { exe() }
  vim.list_extend(argv, args)
  local out = vim.fn.system(argv)
  if vim.v.shell_error ~= 0 then
    return nil, ('`%s` failed: %s'):format(table.concat(argv, ' '), vim.trim(out))
  end
  return out
end

-- templates returns the available template names: from a running server
-- when there is one, else from `designls templates`.
function M.templates()
  local client = M.clients(nil)[1]
  if client then
    local resp = request_sync(client, 'workspace/executeCommand', { command = 'designls.listTemplates' }, 2000)
    if resp and resp.result then
      local names = {}
      for _, t in ipairs(resp.result) do
        table.insert(names, t.name)
      end
      return names
    end
  end
  local out, err = cli({ 'templates' })
  if not out then
    return nil, err
  end
  local names = {}
  for line in out:gmatch('[^\n]+') do
    local word = line:match('^%s*([%w][%w_.-]*)')
    -- The first line is a header (NAME TITLE DESCRIPTION).
    if word and word ~= 'NAME' then
      table.insert(names, word)
    end
  end
  return names
end

-- render returns a template's text: from a running server, else from
-- `designls new --template NAME -`.
local function render(template)
  local client = M.clients(nil)[1]
  if client then
    local resp = request_sync(client, 'workspace/executeCommand', { command = 'designls.renderTemplate', arguments = { { name = template } } }, 2000)
    if resp and resp.err then
      return nil, resp.err.message
    end
    if resp and resp.result and resp.result.text then
      return resp.result.text
    end
  end
  -- FILE "-" makes `designls new` print the document instead of writing it.
  return cli({ 'new', '--template', template, '-' })
end

-- new opens a new buffer (or FILE, which must not exist yet) holding the
-- template's text.
function M.new(template, file)
  local function open(choice)
    if choice == nil or choice == '' then
      return
    end
    local text, err = render(choice)
    if not text then
      notify(err or ('no template named ' .. choice), vim.log.levels.ERROR)
      return
    end
    if file and file ~= '' then
      if vim.fn.filereadable(file) == 1 then
        notify(file .. ' already exists', vim.log.levels.ERROR)
        return
      end
      vim.cmd('edit ' .. vim.fn.fnameescape(file))
    else
      vim.cmd('enew')
    end
    vim.api.nvim_buf_set_lines(0, 0, -1, false, split_lines(text))
    if vim.bo.filetype ~= 'markdown' then
      vim.bo.filetype = 'markdown'
    end
  end
  if template and template ~= '' then
    open(template)
    return
  end
  local names, err = M.templates()
  if not names then
    notify(err, vim.log.levels.ERROR)
    return
  end
  vim.ui.select(names, { prompt = 'designls template:' }, open)
end

-- create_commands defines :DesignlsNew, :DesignlsInsertMissing and
-- :DesignlsScorecard. plugin/designls.lua calls it at start-up and setup()
-- again, for plugin managers that add this folder to 'runtimepath' only
-- after the plugin/ scripts have been sourced. Redefining is harmless.
function M.create_commands()
  local function complete_templates(arg_lead)
    local names = M.templates() or {}
    return vim.tbl_filter(function(n)
      return vim.startswith(n, arg_lead)
    end, names)
  end

  vim.api.nvim_create_user_command('DesignlsNew', function(cmd)
    M.new(cmd.fargs[1], cmd.fargs[2])
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
    M.insert_missing(0)
  end, { nargs = 0, desc = 'Insert every missing core section of this design doc' })

  vim.api.nvim_create_user_command('DesignlsScorecard', function()
    M.scorecard(0)
  end, { nargs = 0, desc = "Show this design doc's coverage scorecard" })
end

return M
