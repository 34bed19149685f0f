"""An editor's session with `planc lsp`, step by step: open the CRM plan, make a typo, receive the
diagnostic, apply the quick fix, hover, go to definition, complete, rename, format, shut down
(the shutdown is the fixture's). Positions are UTF-16 code units, as LSP requires; the helpers
below convert, since the plan holds em dashes."""
import json
import re

from lsprotocol import types

from conftest import DOCS, TODAY, planc


def position(text, line, needle, after=""):
    """The LSP position of `needle` on 0-based `line` (after `after`, when given)."""
    row = text.split("\n")[line]
    start = row.index(needle, row.index(after) + len(after) if after else 0)
    return types.Position(line=line, character=len(row[:start].encode("utf-16-le")) // 2)


def line_of(text, needle):
    return next(number for number, row in enumerate(text.split("\n")) if needle in row)


def offset(text, where):
    lines = text.split("\n")
    index = sum(len(row) + 1 for row in lines[:where.line])
    units = 0
    for character in lines[where.line]:
        if units >= where.character:
            break
        units += len(character.encode("utf-16-le")) // 2
        index += 1
    return index


def apply(text, edits):
    """Applies LSP text edits (UTF-16 ranges) to text, last first so earlier offsets hold."""
    spans = sorted(((offset(text, e.range.start), offset(text, e.range.end), e.new_text) for e in edits), reverse=True)
    for start, end, new in spans:
        text = text[:start] + new + text[end:]
    return text


def export(folder):
    result = planc("export", "--format", "json", "--today", TODAY, str(folder))
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def schedule(folder):
    """Every task's start and finish, by id, from planc's own JSON export of the folder."""
    return {task["id"]: (task["schedule"]["start"], task["schedule"]["finish"])
            for project in export(folder)["projects"] for task in project["tasks"]}


async def settle(client, uri, text):
    """The whole-file inlay hints; asked right after a change, so every diagnostic of that change
    has been published when the answer arrives (the server compiles before it answers)."""
    lines = text.count("\n") + 1
    return await client.text_document_inlay_hint_async(types.InlayHintParams(
        text_document=types.TextDocumentIdentifier(uri=uri),
        range=types.Range(start=types.Position(line=0, character=0), end=types.Position(line=lines, character=0))))


async def open_document(client, name, text=None):
    path = client.workspace / name
    text = path.read_text() if text is None else text
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=path.as_uri(), language_id="markdown", version=1, text=text)))
    await settle(client, path.as_uri(), text)
    return path.as_uri(), text


async def change(client, uri, text, version):
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
    return await settle(client, uri, text)


async def test_the_example_opens_clean_with_dated_inlay_hints(client):
    uri, text = await open_document(client, "plan.md")
    assert not client.diagnostics.get(uri)
    hints = await settle(client, uri, text)
    dates = schedule(client.workspace)
    kickoff = next(h for h in hints if h.position.line == line_of(text, "id:kickoff "))
    start, finish = dates["crm/kickoff"]
    assert kickoff.label.strip().startswith(f"{start} → {finish}")
    # One hint per task and work package written in the file, at the end of its line.
    entries = sorted(task["source"]["line"] - 1 for project in export(client.workspace)["projects"]
                     for task in project["tasks"] if task["source"]["file"].endswith("/plan.md"))
    assert sorted(h.position.line for h in hints) == entries
    rows = text.split("\n")
    assert all(h.position.character == len(rows[h.position.line].encode("utf-16-le")) // 2 for h in hints)


async def test_a_typo_is_reported_and_its_quick_fix_repairs_it(client):
    uri, text = await open_document(client, "plan.md")
    line = line_of(text, "id:interviews ")
    typo = text.replace("after:kickoff started", "after:kickof started", 1)
    await change(client, uri, typo, 2)
    diagnostics = [d for d in client.diagnostics[uri] if d.range.start.line == line]
    assert diagnostics, client.diagnostics[uri]
    diagnostic = diagnostics[0]
    assert diagnostic.severity == types.DiagnosticSeverity.Error
    assert diagnostic.code_description.href == f"{DOCS}#{diagnostic.code.lower()}"
    assert "kickof" in diagnostic.message

    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=diagnostic.range,
        context=types.CodeActionContext(diagnostics=[diagnostic])))
    fixes = [a for a in actions if isinstance(a, types.CodeAction) and a.kind == types.CodeActionKind.QuickFix]
    assert fixes, actions
    fix = fixes[0]
    assert "kickoff" in fix.title
    fixed = apply(typo, fix.edit.changes[uri])
    assert fixed == text
    await change(client, uri, fixed, 3)
    assert not client.diagnostics[uri]


async def test_hover_explains_a_task_and_a_date(client):
    uri, text = await open_document(client, "plan.md")
    line = line_of(text, "id:interviews ")
    hover = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=position(text, line, "Stakeholder")))
    start, finish = schedule(client.workspace)["crm/interviews"]
    assert f"{start} → {finish}" in hover.contents.value
    assert "Stakeholder interviews" in hover.contents.value

    date = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=position(text, line, "2026-06-03")))
    assert "Wednesday" in date.contents.value


async def test_definition_and_references_of_a_task_id(client):
    uri, text = await open_document(client, "plan.md")
    line = line_of(text, "id:interviews ")
    found = await client.text_document_definition_async(types.DefinitionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=position(text, line, "kickoff", after="after:")))
    locations = found if isinstance(found, list) else [found]
    assert [l.uri for l in locations] == [uri]
    assert locations[0].range.start.line == line_of(text, "id:kickoff ")

    references = await client.text_document_references_async(types.ReferenceParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=position(text, line, "kickoff", after="after:"),
        context=types.ReferenceContext(include_declaration=False)))
    expected = sum(len(re.findall(r"(?<![\w-])kickoff(?![\w-])", row)) for row in text.split("\n") if "after:" in row)
    assert len(references) >= expected >= 2


async def complete_typed(client, uri, text, row, typed, version):
    """The completion items at the end of `typed`, typed in place of the line `row`."""
    line = text.split("\n").index(row)
    await change(client, uri, text.replace(row, typed, 1), version)
    where = types.Position(line=line, character=len(typed.encode("utf-16-le")) // 2)
    result = await client.text_document_completion_async(types.CompletionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=where))
    return result.items if isinstance(result, types.CompletionList) else result


async def test_completion_offers_task_ids_after_a_dependency_key_and_people_after_an_at(client):
    uri, text = await open_document(client, "plan.md")
    row = text.split("\n")[line_of(text, "id:interviews ")]
    ids = await complete_typed(client, uri, text, row, row[:row.index("after:") + len("after:")] + "kick", 2)
    assert "kickoff" in {item.insert_text or item.label for item in ids}
    people = await complete_typed(client, uri, text, row, row[:row.index("@dana") + 1], 3)
    assert {"dana", "aylin"} <= {item.label.lstrip("@") for item in people}


async def test_rename_changes_only_the_id_and_keeps_the_schedule(client):
    before = schedule(client.workspace)
    uri, text = await open_document(client, "plan.md")
    where = position(text, line_of(text, "id:kickoff "), "kickoff", after="id:")
    prepared = await client.text_document_prepare_rename_async(types.PrepareRenameParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=where))
    assert prepared is not None
    edit = await client.text_document_rename_async(types.RenameParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=where, new_name="project-kickoff"))
    assert edit.changes, edit
    for changed_uri, edits in edit.changes.items():
        assert all(e.new_text == "project-kickoff" for e in edits)
        path = client.workspace / changed_uri.rsplit("/", 1)[1]
        original = path.read_text()
        renamed = apply(original, edits)
        # Only the id tokens changed: putting the old id back gives the original bytes.
        assert re.sub(r"(?<![\w-])project-kickoff(?![\w-])", "kickoff", renamed) == original
        path.write_text(renamed)
    after = schedule(client.workspace)
    assert {key.replace("project-kickoff", "kickoff"): value for key, value in after.items()} == before
    assert planc("check", "--strict", "--today", TODAY, str(client.workspace)).returncode == 0


async def test_formatting_matches_planc_fmt(client):
    uri, text = await open_document(client, "plan.md")
    options = types.FormattingOptions(tab_size=2, insert_spaces=True)
    edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=types.TextDocumentIdentifier(uri=uri), options=options))
    assert not edits, "the example is formatted already"

    line = line_of(text, "id:kickoff ")
    row = text.split("\n")[line]
    messy = text.replace(row, row.replace(" — id:kickoff 2d @dana", " —   2d   @dana id:kickoff"), 1)
    assert messy != text
    await change(client, uri, messy, 2)
    edits = await client.text_document_formatting_async(types.DocumentFormattingParams(
        text_document=types.TextDocumentIdentifier(uri=uri), options=options))
    (client.workspace / "plan.md").write_text(messy)
    assert planc("fmt", str(client.workspace / "plan.md")).returncode == 0
    assert apply(messy, edits or []) == (client.workspace / "plan.md").read_text()
