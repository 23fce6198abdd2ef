;;; designls.el --- Review system-design docs with the designls language server  -*- lexical-binding: t; -*-

;; Version: 0.1.0
;; Package-Requires: ((emacs "27.1"))
;; Keywords: languages, tools, docs
;; URL: https://github.com/designls/designls

;; This file is not part of GNU Emacs.

;;; Commentary:

;; designls reads a Markdown design doc the way an interviewer would: it
;; reports the concerns the doc leaves out (SLO, data model, rollout...) and
;; offers quick fixes that insert a section to fill in.  This file only
;; connects Emacs to `designls serve'; every judgement lives in the server.
;;
;; With eglot (built in since Emacs 29, a package before):
;;
;;   (require 'designls)
;;   (add-hook 'markdown-mode-hook #'eglot-ensure)
;;
;; With lsp-mode:
;;
;;   (require 'designls)
;;   (add-hook 'markdown-mode-hook #'lsp-deferred)
;;
;; Quick fixes come through the client's own code-action command
;; (`eglot-code-actions', `lsp-execute-code-action').  This file adds
;; `designls-insert-missing', `designls-scorecard' and `designls-new'.

;;; Code:

(require 'cl-lib)
(require 'subr-x)

;; Declared so that the `let' bindings below are dynamic even when the
;; clients are not loaded at compile time.
(defvar eglot-server-programs)
(defvar eglot-confirm-server-initiated-edits)
(defvar lsp-mode)
(declare-function eglot-current-server "eglot")
(declare-function jsonrpc-request "jsonrpc")
(declare-function lsp-request "lsp-mode")
(declare-function lsp-register-client "lsp-mode")
(declare-function lsp-stdio-connection "lsp-mode")
(declare-function lsp-activate-on "lsp-mode")
(declare-function make-lsp-client "lsp-mode")
(declare-function lsp--buffer-uri "lsp-mode")
(declare-function lsp-configuration-section "lsp-mode")

(defgroup designls nil
  "Review system-design docs with the designls language server."
  :group 'tools
  :prefix "designls-")

(defcustom designls-program "designls"
  "The designls executable: a name looked up on `exec-path', or a file name."
  :type 'string)

(defcustom designls-args '("serve")
  "Arguments that make `designls-program' serve LSP over stdio."
  :type '(repeat string))

(defcustom designls-modes '(markdown-mode gfm-mode)
  "Major modes whose buffers the server is offered."
  :type '(repeat symbol))

(defcustom designls-settings nil
  "Server settings, as a plist with the keys of .designls.yaml.
They are sent as initializationOptions, and as the \"designls\"
section when the server asks for its configuration.  Keys:
:include and :exclude (vectors of globs: which Markdown files are
design docs), :rubric (string), :rubrics (vector of plists with
:files and :rubric), :severity (plist of check ID to
\"error\"/\"warning\"/\"information\"/\"hint\"/\"off\"), :disable
\(vector of check IDs), :synonyms (plist of concern ID to vector
of words), :templates (folder).  For example, to treat every
Markdown file as a design doc:

  (setq designls-settings \\='(:include [\"**/*.md\"]))

Use vectors, not lists, for JSON arrays."
  :type '(plist :key-type symbol :value-type sexp))

(defconst designls-setting-keys
  '(:include :exclude :rubric :rubrics :severity :disable :synonyms :templates)
  "The keys the server accepts in `designls-settings'.")

(defun designls--settings-object ()
  "`designls-settings' as a JSON object; empty settings are {}, not null."
  (let ((bad (cl-loop for (k _v) on designls-settings by #'cddr
                      unless (memq k designls-setting-keys) collect k)))
    (when bad
      (display-warning 'designls
                       (format "unknown keys in `designls-settings': %S (known: %S)"
                               bad designls-setting-keys))))
  (or designls-settings (make-hash-table :test #'equal)))

(defun designls--command ()
  "The command line that starts the server."
  (cons designls-program designls-args))

;;;; eglot

(defun designls--eglot-contact (&optional _interactive)
  "Contact for `eglot-server-programs', built when a server starts.
Being a function, it sees the current `designls-program' and
`designls-settings' rather than their values at load time."
  (append (designls--command)
          (list :initializationOptions (designls--settings-object))))

(defun designls-eglot-register ()
  "Put designls first in `eglot-server-programs' for `designls-modes'."
  (setq eglot-server-programs
        (cons (cons designls-modes #'designls--eglot-contact)
              (cl-remove #'designls--eglot-contact eglot-server-programs
                         :key #'cdr-safe))))

(with-eval-after-load 'eglot
  (designls-eglot-register))

;;;; lsp-mode

(defun designls-lsp-mode-register ()
  "Register designls as an lsp-mode client for `designls-modes'.
It runs as an add-on, beside any other Markdown server."
  (lsp-register-client
   (make-lsp-client
    :new-connection (lsp-stdio-connection #'designls--command)
    :major-modes designls-modes
    :server-id 'designls
    :add-on? t
    :initialization-options #'designls--settings-object)))

(with-eval-after-load 'lsp-mode
  (designls-lsp-mode-register))

;;;; Commands

(defun designls--client ()
  "The client managing this buffer: `eglot', `lsp-mode' or nil."
  (cond ((and (fboundp 'eglot-current-server) (eglot-current-server)) 'eglot)
        ((bound-and-true-p lsp-mode) 'lsp-mode)))

(defun designls--buffer-uri ()
  "The URI the client uses for this buffer."
  (pcase (designls--client)
    ('lsp-mode (lsp--buffer-uri))
    (_ (cond ((fboundp 'eglot-path-to-uri)
              (funcall 'eglot-path-to-uri buffer-file-name))
             ((fboundp 'eglot--path-to-uri)
              (funcall 'eglot--path-to-uri buffer-file-name))
             (t (concat "file://" (expand-file-name buffer-file-name)))))))

(defun designls--execute (command &rest arguments)
  "Run the server's workspace COMMAND with ARGUMENTS and return its result.
Edits that the server sends back while the command runs are applied
without asking, since the user asked for them by running COMMAND."
  (let ((params (list :command command :arguments (vconcat arguments))))
    (pcase (designls--client)
      ('eglot
       (let ((eglot-confirm-server-initiated-edits nil))
         (jsonrpc-request (eglot-current-server) :workspace/executeCommand params)))
      ('lsp-mode
       (lsp-request "workspace/executeCommand" params))
      (_ (user-error "No designls server in this buffer; start one with M-x eglot or M-x lsp")))))

(defun designls--get (obj key)
  "Field KEY (a keyword) of OBJ, a plist or a hash table from the client."
  (cond ((hash-table-p obj) (gethash (substring (symbol-name key) 1) obj))
        ((listp obj) (plist-get obj key))))

(defun designls-insert-missing ()
  "Insert a section for every core concern this design doc leaves out."
  (interactive)
  (designls--execute "designls.insertMissing" (list :uri (designls--buffer-uri))))

(defun designls-scorecard ()
  "Show which concerns this design doc covers, in a buffer of its own.
Return that buffer."
  (interactive)
  (let* ((result (designls--execute "designls.scorecard" (list :uri (designls--buffer-uri))))
         (text (or (designls--get result :markdown) ""))
         (buf (get-buffer-create "*designls scorecard*")))
    (with-current-buffer buf
      (let ((inhibit-read-only t))
        (erase-buffer)
        (insert text))
      (cond ((fboundp 'gfm-view-mode) (gfm-view-mode))
            ((fboundp 'markdown-view-mode) (markdown-view-mode))
            (t (special-mode)))
      (goto-char (point-min)))
    (when (called-interactively-p 'interactive)
      (display-buffer buf))
    buf))

(defun designls--cli (&rest args)
  "Run `designls-program' with ARGS; return its output or signal an error."
  (with-temp-buffer
    (let ((code (apply #'process-file designls-program nil t nil args)))
      (unless (eql code 0)
        (error "designls %s failed (%s): %s" (string-join args " ") code
               (string-trim (buffer-string))))
      (buffer-string))))

(defun designls-templates ()
  "Names of the templates `designls new' knows."
  (if (designls--client)
      (mapcar (lambda (tpl) (designls--get tpl :name))
              (designls--execute "designls.listTemplates"))
    (cl-loop for line in (split-string (designls--cli "templates") "\n" t)
             ;; The first line is a header: NAME TITLE DESCRIPTION.
             when (and (string-match "\\`[ \t]*\\([[:alnum:]][[:alnum:]_.-]*\\)" line)
                       (not (equal (match-string 1 line) "NAME")))
             collect (match-string 1 line))))

(defun designls-new (template file)
  "Start FILE, a new design doc, from TEMPLATE.
The server renders the template when this buffer has one;
otherwise `designls new' does."
  (interactive
   (let ((names (designls-templates)))
     (list (completing-read "Template: " names nil t nil nil (car names))
           (read-file-name "New design doc: " nil nil nil nil))))
  (when (file-exists-p file)
    (user-error "%s already exists" file))
  (if (designls--client)
      (let ((text (designls--get (designls--execute "designls.renderTemplate"
                                                    (list :name template))
                                 :text)))
        (find-file file)
        (insert text))
    (designls--cli "new" "--template" template (expand-file-name file))
    (find-file file)))

(provide 'designls)
;;; designls.el ends here
