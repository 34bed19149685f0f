"""pytest-lsp drives `planc lsp` the way an editor does (docs/editors.md#tested-with-real-clients).

The server is the planc binary in $PLANC_BIN (default: .build/debug/planc of this checkout); each
test works on a copy of Examples/crm-migration in a temporary folder, so no edit reaches the repository.
"""
import pathlib
import shutil
import subprocess
import sys

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities

import os

ROOT = pathlib.Path(__file__).resolve().parents[2]
PLANC = os.environ.get("PLANC_BIN", str(ROOT / ".build" / "debug" / "planc"))
TODAY = "2026-09-15"
# Where the diagnostics catalog would be published: each diagnostic links to its anchor there.
DOCS = "https://example.org/planc/docs/diagnostics.md"


@pytest.fixture
def workspace(tmp_path):
    """A copy of the CRM example: the folder and the compiled schedule of each task by local id."""
    folder = tmp_path / "crm-migration"
    shutil.copytree(ROOT / "Examples" / "crm-migration", folder)
    return folder


def planc(*arguments):
    return subprocess.run([PLANC, *arguments], capture_output=True, text=True)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[PLANC, "lsp", "--today", TODAY, "--docs-url", DOCS]))
async def client(lsp_client: LanguageClient, workspace):
    # Neovim 0.11's capabilities: what pytest-lsp checks every answer against.
    params = types.InitializeParams(capabilities=client_capabilities("neovim@v0.11"),
                                    root_uri=workspace.as_uri(),
                                    workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="crm")])
    result = await lsp_client.initialize_session(params)
    lsp_client.planc_capabilities = result.capabilities
    lsp_client.workspace = workspace
    yield
    await lsp_client.shutdown_session()
