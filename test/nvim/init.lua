-- Neovim (Debian 0.7.x) as a second real LSP client of the built server, headless.
-- Run by test/nvim/run.sh:
--   CN_SERVER=dist/server.js CN_NOTES=<notes dir> CN_ROOT=<folder> nvim --headless -n -i NONE -u init.lua <folder>/Dockerfile -c 'lua ContainerNotesCheck()'
-- Prints one `ok`/`not ok` line per check, then `N passed, N failed`; exits 0 only when all pass.
vim.cmd('filetype on')
local function out(s) io.stdout:write(s .. '\n') end

local server = assert(os.getenv('CN_SERVER'), 'set CN_SERVER to dist/server.js')
local notes = assert(os.getenv('CN_NOTES'), 'set CN_NOTES to the notes folder')
local root = assert(os.getenv('CN_ROOT'), 'set CN_ROOT to the workspace folder')
local node = os.getenv('CN_NODE') or 'node'

local passed, failed = 0, 0
local function check(name, ok, got)
  if ok then
    passed = passed + 1
    out('ok - ' .. name)
  else
    failed = failed + 1
    out('not ok - ' .. name .. ' (got: ' .. tostring(got) .. ')')
  end
end

local function finish(client_id)
  out(string.format('%d passed, %d failed', passed, failed))
  if client_id then
    vim.lsp.stop_client(client_id)
    vim.wait(3000, function() return vim.lsp.get_client_by_id(client_id) == nil end, 50)
  end
  vim.cmd(failed == 0 and 'qall!' or 'cquit 1')
end

-- The text of a hover result (MarkupContent, MarkedString or a list of them).
local function hover_text(results)
  local text = ''
  for _, r in pairs(results or {}) do
    local c = r.result and r.result.contents
    if type(c) == 'string' then text = text .. c
    elseif type(c) == 'table' and c.value then text = text .. c.value
    elseif type(c) == 'table' then for _, part in ipairs(c) do text = text .. (type(part) == 'string' and part or part.value or '') end end
  end
  return text
end

function ContainerNotesCheck()
  local bufnr = vim.api.nvim_get_current_buf()
  local client_id = vim.lsp.start_client({
    name = 'container-notes',
    cmd = { node, server, '--stdio' },
    root_dir = root,
    -- Editors without a containerNotes configuration section pass settings here.
    init_options = { settings = { notes = { paths = { notes } }, requireIgnoreReason = true } },
  })
  vim.lsp.buf_attach_client(bufnr, client_id)
  local initialized = vim.wait(15000, function()
    local c = vim.lsp.get_client_by_id(client_id)
    return c ~= nil and c.initialized == true
  end, 50)
  local client = vim.lsp.get_client_by_id(client_id)
  check('the server initializes over stdio', initialized and client and client.server_capabilities.hoverProvider, initialized)
  if not initialized then return finish(nil) end

  -- Pushed diagnostics: the ignore comment without a reason on line 3.
  vim.wait(10000, function() return #vim.diagnostic.get(bufnr) > 0 end, 50)
  local diags = vim.diagnostic.get(bufnr)
  local d = diags[1]
  check('diagnostics arrive (ignore comment without a reason, line 3)',
    d ~= nil and d.lnum == 2 and d.source == 'container-notes' and d.message:find('Add a reason', 1, true) ~= nil,
    d and string.format('%s@%d', d.message, d.lnum + 1) or '<none>')

  -- Hovers use the notes index, which loads in the background; wait for it.
  vim.lsp.buf_request_sync(bufnr, 'containerNotes/notesReady', {}, 10000)
  local params = { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = 0, character = 8 } }
  local hover = hover_text(vim.lsp.buf_request_sync(bufnr, 'textDocument/hover', params, 10000))
  check('hover on the ignore comment names what it silences and why',
    hover:find('Ignored on line 2', 1, true) ~= nil and hover:find('pinned by renovate', 1, true) ~= nil, hover)
  check('hover shows the user note tagged rule:dockerfile/latest-tag',
    hover:find('Renovate bumps our base images every week', 1, true) ~= nil, hover)

  local completion = vim.lsp.buf_request_sync(bufnr, 'textDocument/completion',
    { textDocument = { uri = vim.uri_from_bufnr(bufnr) }, position = { line = 1, character = 0 } }, 10000) or {}
  local answered = false
  for _, r in pairs(completion) do answered = answered or (r.err == nil and r.result ~= nil) end
  check('completion answers', answered, vim.inspect(completion))

  finish(client_id)
end
