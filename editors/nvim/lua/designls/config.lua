-- Options of require('designls').setup{} and the client configuration built
-- from them. The server's settings are passed through untouched: the server
-- validates them, so this file only knows their names.
local M = {}

-- The keys of .designls.yaml, initializationOptions and the "designls"
-- section of workspace/configuration. A Go test compares this list with the
-- server's own, so keep it one key per line.
M.server_keys = {
  'include',
  'exclude',
  'rubric',
  'rubrics',
  'severity',
  'disable',
  'synonyms',
  'templates',
}

-- Options that belong to the editor side rather than the server.
M.client_defaults = {
  cmd = { 'designls', 'serve' },
  filetypes = { 'markdown' },
  root_markers = { '.designls.yaml', '.designls.yml', '.git' },
  on_attach = nil,
  capabilities = nil,
  -- How :DesignlsScorecard shows the report: 'float' or 'split'.
  scorecard = 'float',
  -- Start the server for matching buffers; false leaves it to the user.
  autostart = true,
}

local function is_server_key(k)
  return vim.tbl_contains(M.server_keys, k)
end

-- The options of the last setup{} call, merged over the defaults; health
-- and the commands read them.
M.options = vim.deepcopy(M.client_defaults)
M.options.settings = {}
M.configured = false

-- normalize validates user options and splits them into client options and
-- server settings. It returns nil and a message for a mistake, because a
-- typo in a key would otherwise be silently ignored.
function M.normalize(user)
  user = user or {}
  if type(user) ~= 'table' then
    return nil, 'designls: setup() takes a table'
  end
  local opts = vim.deepcopy(M.client_defaults)
  local settings = {}
  local unknown = {}
  for k, v in pairs(user) do
    if is_server_key(k) then
      settings[k] = v
    elseif M.client_defaults[k] ~= nil or k == 'on_attach' or k == 'capabilities' then
      opts[k] = v
    else
      table.insert(unknown, tostring(k))
    end
  end
  if #unknown > 0 then
    table.sort(unknown)
    local known = vim.list_extend(vim.tbl_keys(M.client_defaults), M.server_keys)
    table.insert(known, 'on_attach')
    table.insert(known, 'capabilities')
    table.sort(known)
    return nil, ('designls: unknown option %s (known: %s)'):format(table.concat(unknown, ', '), table.concat(known, ', '))
  end
  if type(opts.cmd) == 'string' then
    opts.cmd = { opts.cmd, 'serve' }
  end
  if type(opts.cmd) ~= 'table' or type(opts.cmd[1]) ~= 'string' then
    return nil, 'designls: cmd must be a list such as {"designls", "serve"}'
  end
  if opts.scorecard ~= 'float' and opts.scorecard ~= 'split' then
    return nil, ('designls: scorecard must be "float" or "split", not %q'):format(tostring(opts.scorecard))
  end
  opts.settings = settings
  return opts
end

-- as_object keeps an empty settings table a JSON object ({}) on the wire;
-- an empty Lua table would be ambiguous.
local function as_object(t)
  if next(t) == nil then
    return vim.empty_dict()
  end
  return t
end

-- client_config is the table given to vim.lsp.config (0.11+), vim.lsp.start
-- (0.8+) or vim.lsp.start_client (0.7). root_dir is filled in by the
-- caller on versions without root_markers.
function M.client_config(opts)
  opts = opts or M.options
  local settings = as_object(vim.deepcopy(opts.settings or {}))
  return {
    name = 'designls',
    cmd = vim.deepcopy(opts.cmd),
    filetypes = vim.deepcopy(opts.filetypes),
    root_markers = vim.deepcopy(opts.root_markers),
    init_options = settings,
    -- Neovim answers workspace/configuration by looking the section up
    -- here, and sends this table in workspace/didChangeConfiguration.
    settings = { designls = settings },
    on_attach = opts.on_attach,
    capabilities = opts.capabilities,
  }
end

-- find_root walks up from path to the first folder holding one of the
-- markers. vim.fs does not exist before 0.8, hence the hand-rolled walk.
function M.find_root(path, markers)
  if path == nil or path == '' then
    return nil
  end
  local dir = vim.fn.fnamemodify(path, ':p:h')
  while dir and dir ~= '' do
    for _, m in ipairs(markers) do
      if vim.loop.fs_stat(dir .. '/' .. m) then
        return dir
      end
    end
    local parent = vim.fn.fnamemodify(dir, ':h')
    if parent == dir then
      break
    end
    dir = parent
  end
  return nil
end

return M
