-- Headless Neovim with its built-in LSP client against `planc lsp` (run by smoke.sh; docs/editors.md).
-- Opens the plan, waits for the server, shows each task's dates as end-of-line virtual text from
-- textDocument/inlayHint (Neovim 0.10 and later draw inlay hints themselves; Debian 12's 0.7 does
-- not, so this does what a plugin does there), types a typo and waits for its diagnostic. Prints
-- what the editor now shows and quits with status 0, or 1 with the reason.
local planc, root, file, today = os.getenv('PLANC_BIN'), os.getenv('PLAN_ROOT'), os.getenv('PLAN_FILE'), os.getenv('PLAN_TODAY')

local function finish(status, message)
  io.stdout:write(message .. '\n')
  io.stdout:flush()
  vim.cmd((status == 0) and 'qall!' or 'cquit! 1')
end

vim.cmd('edit ' .. vim.fn.fnameescape(root .. '/' .. file))
local buffer = vim.api.nvim_get_current_buf()
local ready = false
local client_id = vim.lsp.start_client({
  name = 'planc',
  cmd = { planc, 'lsp', '--today', today },
  root_dir = root,
  on_init = function() ready = true end,
})
if not client_id then return finish(1, 'the client did not start') end
vim.lsp.buf_attach_client(buffer, client_id)
if not vim.wait(10000, function() return ready end, 20) then return finish(1, 'the server did not initialize') end
local client = vim.lsp.get_client_by_id(client_id)

-- The dates beside each task.
local last = vim.api.nvim_buf_line_count(buffer)
local answer = client.request_sync('textDocument/inlayHint', {
  textDocument = vim.lsp.util.make_text_document_params(buffer),
  range = { start = { line = 0, character = 0 }, ['end'] = { line = last, character = 0 } },
}, 10000, buffer)
if not answer or answer.err or not answer.result or #answer.result == 0 then
  return finish(1, 'no inlay hints: ' .. vim.inspect(answer))
end
local hints = vim.api.nvim_create_namespace('planc-hints')
for _, hint in ipairs(answer.result) do
  vim.api.nvim_buf_set_extmark(buffer, hints, hint.position.line, 0, { virt_text = { { hint.label, 'Comment' } } })
end
local shown = vim.api.nvim_buf_get_extmarks(buffer, hints, 0, -1, { details = true })
local lines = {}
for _, mark in ipairs(shown) do
  local row = mark[2]
  local text = vim.api.nvim_buf_get_lines(buffer, row, row + 1, false)[1]
  if text:find('id:kickoff ', 1, true) or text:find('id:uat%-signoff ') then
    table.insert(lines, string.format('hint %d: %s%s', row + 1, text:sub(1, 40), mark[4].virt_text[1][1]))
  end
end

-- A typo, typed into the buffer: the server's diagnostic arrives without saving.
local typo_row
for row, text in ipairs(vim.api.nvim_buf_get_lines(buffer, 0, -1, false)) do
  if text:find('after:kickoff', 1, true) then typo_row = row - 1; break end
end
if not typo_row then return finish(1, 'no after:kickoff in ' .. file) end
local text = vim.api.nvim_buf_get_lines(buffer, typo_row, typo_row + 1, false)[1]
vim.api.nvim_buf_set_lines(buffer, typo_row, typo_row + 1, false, { (text:gsub('after:kickoff', 'after:kickof', 1)) })
local found
vim.wait(10000, function()
  for _, diagnostic in ipairs(vim.diagnostic.get(buffer)) do
    if diagnostic.lnum == typo_row and diagnostic.message:find('kickof', 1, true) then found = diagnostic; return true end
  end
  return false
end, 20)
if not found then return finish(1, 'no diagnostic for the typo: ' .. vim.inspect(vim.diagnostic.get(buffer))) end
table.insert(lines, string.format('diagnostic %d:%d: %s', found.lnum + 1, found.col + 1, (found.message:gsub('\n.*', ''))))
table.insert(lines, string.format('%d inlay hints', #answer.result))
finish(0, table.concat(lines, '\n'))
