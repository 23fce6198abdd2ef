-- The base configuration that Neovim 0.11's vim.lsp.config finds on
-- 'runtimepath' (the layout nvim-lspconfig uses), so that
-- vim.lsp.enable('designls') works without calling setup(). Options given
-- to setup() or to vim.lsp.config('designls', {...}) are merged over it.
local config = require('designls.config')
local cfg = config.client_config(config.options)
cfg.name = nil
return cfg
