-- Headless Neovim as a flasklint user runs it: open a Python file, start `flasklint server` with
-- the README's setup for this Neovim version, wait for the diagnostics, ask for the code actions
-- at the first one, and write both to a JSON file. Run by tests/server.rs
-- (`neovim_shows_the_diagnostics`):
--
--   FLASKLINT=target/debug/flasklint FIXTURE=/tmp/x/app.py OUT=/tmp/x/out.json \
--     nvim --headless --clean -n -c 'luafile tests/editors/neovim.lua'
--
-- Exits 0 with OUT written, 1 (`cquit`) when no diagnostics arrive in time.

local binary = os.getenv("FLASKLINT")
local fixture = os.getenv("FIXTURE")
local out = os.getenv("OUT")
local root = vim.fn.fnamemodify(fixture, ":h")

vim.cmd("edit " .. vim.fn.fnameescape(fixture))
local buffer = vim.api.nvim_get_current_buf()
vim.bo[buffer].filetype = "python"

local setup
if vim.lsp.config then
  -- Neovim 0.11 and later (the README's first setup).
  setup = "vim.lsp.config"
  vim.lsp.config("flasklint", {
    cmd = { binary, "server" },
    filetypes = { "python" },
    root_markers = { "pyproject.toml", "flasklint.toml", ".flasklint.toml", "setup.cfg", "setup.py", ".git" },
  })
  vim.lsp.enable("flasklint")
  -- `enable` attaches on the next FileType event.
  vim.cmd("doautocmd FileType python")
elseif vim.lsp.start then
  -- Neovim 0.8 to 0.10.
  setup = "vim.lsp.start"
  vim.lsp.start({ name = "flasklint", cmd = { binary, "server" }, root_dir = root })
else
  -- Neovim 0.7 (Debian 12's package).
  setup = "vim.lsp.start_client"
  local client = vim.lsp.start_client({ name = "flasklint", cmd = { binary, "server" }, root_dir = root })
  vim.lsp.buf_attach_client(buffer, client)
end

local arrived = vim.wait(60000, function()
  return #vim.diagnostic.get(buffer) > 0
end, 50)
if not arrived then
  io.stderr:write("neovim.lua: no diagnostics from flasklint in 60 s\n")
  vim.cmd("cquit 1")
end

local diagnostics = {}
for _, d in ipairs(vim.diagnostic.get(buffer)) do
  local lsp = (d.user_data or {}).lsp or {}
  table.insert(diagnostics, {
    code = lsp.code or d.code,
    source = d.source,
    severity = d.severity,
    lnum = d.lnum,
    col = d.col,
    end_lnum = d.end_lnum,
    end_col = d.end_col,
    message = d.message,
  })
end

local first = vim.diagnostic.get(buffer)[1]
local params = {
  textDocument = { uri = vim.uri_from_bufnr(buffer) },
  range = {
    start = { line = first.lnum, character = first.col },
    ["end"] = { line = first.lnum, character = first.col },
  },
  context = { diagnostics = {} },
}
local titles = {}
local replies = vim.lsp.buf_request_sync(buffer, "textDocument/codeAction", params, 10000) or {}
for _, reply in pairs(replies) do
  for _, action in ipairs(reply.result or {}) do
    table.insert(titles, action.title)
  end
end

local file = io.open(out, "w")
file:write(vim.fn.json_encode({
  setup = setup,
  version = tostring(vim.version().major) .. "." .. tostring(vim.version().minor),
  diagnostics = diagnostics,
  actions = titles,
}))
file:close()
vim.cmd("qall!")
