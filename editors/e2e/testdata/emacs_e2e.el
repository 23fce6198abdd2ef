;;; emacs_e2e.el --- end-to-end scenario for designls.el with eglot  -*- lexical-binding: t; -*-

;; Run by emacs_test.go as `emacs --batch -l emacs_e2e.el'.  It drives
;; Emacs the way a user would (open the file, let eglot connect, read
;; Flymake's diagnostics, pick the quick fix from eglot's code-action
;; menu, save, run designls.el's commands) and records what it saw in a
;; JSON file for the Go test to judge.  Every wait is bounded.

(require 'cl-lib)
(require 'json)
(require 'subr-x)

(defun e2e-env (name)
  (let ((v (getenv name)))
    (when (or (null v) (string-empty-p v))
      (error "%s is not set" name))
    v))

(defvar e2e-result-file (e2e-env "DESIGNLS_RESULT"))
(defvar e2e-events-file (e2e-env "DESIGNLS_EVENTS"))
(defvar e2e-timeout
  (/ (string-to-number (or (getenv "DESIGNLS_STEP_TIMEOUT_MS") "20000")) 1000.0))
(defvar e2e-result (list (cons 'steps nil)))

(defun e2e-put (key value)
  (setf (alist-get key e2e-result) value))

(defun e2e-save ()
  (let ((json-encoding-pretty-print nil))
    (with-temp-file e2e-result-file
      (insert (json-encode
               (cons (cons 'steps (vconcat (reverse (alist-get 'steps e2e-result))))
                     (cl-remove 'steps e2e-result :key #'car)))))))

(defun e2e-step (name)
  (push name (alist-get 'steps e2e-result))
  (e2e-save))

(defun e2e-wait (what pred)
  "Process events until PRED holds; fail after `e2e-timeout' seconds."
  (let ((deadline (+ (float-time) e2e-timeout)))
    (while (not (funcall pred))
      (when (> (float-time) deadline)
        (error "timed out after %.0f s waiting for %s" e2e-timeout what))
      ;; Flymake asks its backends again when it is started; a user's
      ;; Emacs does this from idle timers, which batch mode runs rarely.
      (when (bound-and-true-p flymake-mode) (flymake-start))
      (accept-process-output nil 0.05))))

(defvar e2e-published nil
  "The version the last publishDiagnostics named, by URI (an alist).")

(defun e2e-track-published (_server method &rest params)
  (when (eq method 'textDocument/publishDiagnostics)
    (setf (alist-get (plist-get params :uri) e2e-published nil nil #'equal)
          (plist-get params :version))))

(defun e2e-synced ()
  "Whether the server has published diagnostics for the buffer's text as
it is now, not for an intermediate state of a multi-edit change."
  (let ((v (cdr (cl-find-if (lambda (e) (equal (eglot--uri-to-path (car e))
                                               (expand-file-name buffer-file-name)))
                            e2e-published))))
    (and (numberp v) (= v eglot--versioned-identifier))))

(defun e2e-wait-synced (what)
  (e2e-wait what #'e2e-synced)
  ;; Let Flymake take the diagnostics eglot now holds.
  (flymake-start)
  (accept-process-output nil 0.05))

(defun e2e-diagnostics ()
  "The LSP diagnostics Flymake holds for the current buffer."
  (sort
   (cl-loop for d in (flymake-diagnostics)
            for lsp = (cdr (assoc 'eglot-lsp-diag (flymake-diagnostic-data d)))
            when lsp
            collect (list (cons 'code (plist-get lsp :code))
                          (cons 'concern (plist-get (plist-get lsp :data) :concern))
                          (cons 'source (plist-get lsp :source))
                          (cons 'line (1- (line-number-at-pos (flymake-diagnostic-beg d))))
                          (cons 'severity (plist-get lsp :severity))
                          (cons 'message (plist-get lsp :message))
                          (cons 'beg (flymake-diagnostic-beg d))))
   (lambda (a b) (< (alist-get 'beg a) (alist-get 'beg b)))))

(defun e2e-find (diags code concern)
  (cl-find-if (lambda (d) (and (equal (alist-get 'code d) code)
                               (equal (alist-get 'concern d) concern)))
              diags))

(defun e2e-has-heading (title)
  (save-excursion
    (goto-char (point-min))
    (re-search-forward (format "^#+[ \t]+%s[ \t]*$" (regexp-quote title)) nil t)))

(defun e2e-main ()
  (require 'eglot)
  (require 'markdown-mode)
  (require 'flymake)
  (load (e2e-env "DESIGNLS_EL") nil t)
  (setq designls-program (e2e-env "DESIGNLS_BIN"))
  ;; A server setting, to show that designls-settings reaches the server
  ;; (eglot's empty didChangeConfiguration at connect must not undo it).
  (setq designls-settings '(:severity (:missing-section "error")))
  (e2e-put 'eglot_library (locate-library "eglot"))
  ;; A new user's setup, as designls.el's commentary describes it.
  (add-hook 'markdown-mode-hook #'eglot-ensure)
  (advice-add 'eglot-handle-notification :before #'e2e-track-published)

  (e2e-step "open the design doc")
  (find-file (e2e-env "DESIGNLS_DOC"))
  (switch-to-buffer (current-buffer))
  (e2e-put 'major_mode (symbol-name major-mode))
  ;; eglot-ensure connects from post-command-hook, after the command
  ;; that opened the file; batch mode runs no command loop, so run it.
  (run-hooks 'post-command-hook)
  (e2e-wait "eglot to manage the buffer"
            (lambda () (and (eglot-current-server) (bound-and-true-p eglot--managed-mode))))
  (let ((server (eglot-current-server)))
    (add-hook 'kill-emacs-hook
              (lambda ()
                (when-let ((buf (and server (jsonrpc-events-buffer server))))
                  (with-current-buffer buf
                    (write-region (point-min) (point-max) e2e-events-file nil 'silent))))))

  (e2e-step "wait for diagnostics")
  (e2e-wait "a missing-section diagnostic for concern slo in Flymake"
            (lambda () (e2e-find (e2e-diagnostics) "missing-section" "slo")))
  (e2e-put 'before (vconcat (e2e-diagnostics)))

  (e2e-step "code action on the slo diagnostic")
  (goto-char (alist-get 'beg (e2e-find (e2e-diagnostics) "missing-section" "slo")))
  (let (offered)
    ;; eglot asks which action to run with completing-read; answering with
    ;; the title is what a user does at that prompt.  A non-list
    ;; last-nonmenu-event makes eglot ask in the minibuffer, not a menu.
    (cl-letf (((symbol-function 'completing-read)
               (lambda (_prompt collection &rest _)
                 (setq offered (mapcar (lambda (c) (if (consp c) (car c) c)) collection))
                 (e2e-put 'code_actions (vconcat offered))
                 (unless (member "Insert SLO section" offered)
                   (error "no code action titled \"Insert SLO section\"; offered: %s"
                          (string-join offered " | ")))
                 "Insert SLO section")))
      (let ((last-nonmenu-event ?\r))
        (call-interactively #'eglot-code-actions))))
  (unless (e2e-has-heading "SLO")
    (error "the SLO quick fix left no SLO heading in the buffer"))

  (e2e-step "save and wait for the slo diagnostic to go")
  (save-buffer)
  (e2e-wait-synced "diagnostics for the fixed text")
  (when (e2e-find (e2e-diagnostics) "missing-section" "slo")
    (error "the slo missing-section diagnostic is still there after the fix"))
  (e2e-put 'after_fix (vconcat (e2e-diagnostics)))
  (e2e-put 'after_fix_file (let ((file buffer-file-name))
                             (with-temp-buffer
                               (insert-file-contents-literally file)
                               (buffer-string))))
  (e2e-put 'alive_after_fix (and (eglot-current-server)
                                 (jsonrpc-running-p (eglot-current-server))
                                 t))

  (e2e-step "designls-scorecard")
  (let ((buf (designls-scorecard)))
    (e2e-put 'scorecard (with-current-buffer buf (buffer-string))))

  (e2e-step "designls-insert-missing")
  (let ((size (buffer-size)))
    (designls-insert-missing)
    (e2e-wait "the missing sections in the buffer" (lambda () (> (buffer-size) size)))
    (save-buffer)
    (e2e-wait-synced "diagnostics for the text with the sections inserted"))
  (e2e-put 'after_insert_missing (vconcat (e2e-diagnostics)))

  (e2e-step "designls-new")
  (e2e-put 'templates (vconcat (designls-templates)))
  (designls-new "system-design" (e2e-env "DESIGNLS_NEW_DOC"))
  (e2e-put 'new_name buffer-file-name)
  (e2e-put 'new_text (buffer-string))

  (e2e-put 'ok t)
  (e2e-step "done"))

(condition-case err
    (progn (e2e-main) (e2e-save) (kill-emacs 0))
  (error
   (e2e-put 'error (error-message-string err))
   (e2e-save)
   (kill-emacs 1)))
;;; emacs_e2e.el ends here
