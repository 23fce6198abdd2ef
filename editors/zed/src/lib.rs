//! Zed extension for designls. Zed has no setting that starts an arbitrary
//! language server, so this extension does only that: it finds the
//! `designls` binary the user installed and hands Zed the command line and
//! the user's settings. Every judgement about a document is the server's.

use zed_extension_api::{self as zed, serde_json, settings::LspSettings, LanguageServerId, Result};

const SERVER: &str = "designls";

struct Designls;

impl Designls {
    fn settings(worktree: &zed::Worktree) -> Option<LspSettings> {
        LspSettings::for_worktree(SERVER, worktree).ok()
    }
}

impl zed::Extension for Designls {
    fn new() -> Self {
        Designls
    }

    // The binary comes from `lsp.designls.binary.path` in settings.json when
    // set, else from PATH as the worktree's shell sees it.
    fn language_server_command(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<zed::Command> {
        let binary = Self::settings(worktree).and_then(|s| s.binary);
        let path = binary
            .as_ref()
            .and_then(|b| b.path.clone())
            .or_else(|| worktree.which(SERVER))
            .ok_or_else(|| {
                "designls not found on PATH: install it with `go install \
                 github.com/designls/designls/cmd/...@latest`, or set \
                 lsp.designls.binary.path in settings.json"
                    .to_string()
            })?;
        let args = binary
            .and_then(|b| b.arguments)
            .unwrap_or_else(|| vec!["serve".to_string()]);
        Ok(zed::Command {
            command: path,
            args,
            env: worktree.shell_env(),
        })
    }

    // `lsp.designls.settings` is sent both ways the server reads settings:
    // as initializationOptions (unless the user set those explicitly) and
    // as the "designls" section of workspace/configuration.
    fn language_server_initialization_options(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<serde_json::Value>> {
        let settings = Self::settings(worktree);
        Ok(settings
            .as_ref()
            .and_then(|s| s.initialization_options.clone())
            .or_else(|| settings.and_then(|s| s.settings)))
    }

    fn language_server_workspace_configuration(
        &mut self,
        _id: &LanguageServerId,
        worktree: &zed::Worktree,
    ) -> Result<Option<serde_json::Value>> {
        let settings = Self::settings(worktree)
            .and_then(|s| s.settings)
            .unwrap_or_else(|| serde_json::json!({}));
        Ok(Some(serde_json::json!({ "designls": settings })))
    }
}

zed::register_extension!(Designls);
