"""Many nodes: two worker "machines" (their own data dirs, no shared disk) on one database, broker and bucket.

Needs a database server both nodes reach (run it on PostgreSQL: DATABASE_URL=...); the embedded
SQLite profile keeps its database in the data dir, so it is one node by design.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import requests
from test_e2e_jobs import PYTHON, running_stack, s3_env

pytestmark = [pytest.mark.e2e, pytest.mark.s3, pytest.mark.xdist_group("covers-e2e")]


def _files_under(folder: Path) -> list[Path]:
    return [p for p in folder.rglob("*") if p.is_file()] if folder.exists() else []


@pytest.mark.skipif(not os.environ.get("DATABASE_URL"), reason="two nodes need a shared database server")
def test_two_worker_nodes_share_the_work_through_the_bucket(tmp_path, seaweedfs):
    (tmp_path / "web").mkdir()
    with running_stack(tmp_path / "web", {**s3_env(seaweedfs), "BYC_RENDER_SCALE": "0.3"}) as stack:
        stack.stop("qcluster")  # the web node runs no worker: two worker nodes of their own
        nodes = {}
        for name in ("node-a", "node-b"):
            data_dir = tmp_path / name
            nodes[name] = data_dir
            stack.start(
                name,
                [PYTHON, "manage.py", "qcluster"],
                env={"BYC_DATA_DIR": str(data_dir), "BYC_NODE_NAME": name, "BYC_WORKERS": "1"},
            )
        me = stack.account(monthly=40)
        book_id = me.book()
        accepted = [me.post("/api/v1/covers/generate", {"bookId": book_id, "count": 4}) for _ in range(4)]
        assert all(r.status_code == 202 for r in accepted), [r.text for r in accepted]
        jobs = [me.wait(r.json()["jobId"]) for r in accepted]
        assert all(job["status"] == "completed" for job in jobs), jobs
        covers = [cover for job in jobs for cover in job["result"]["covers"]]
        assert len(covers) == 16
        for cover in covers[:4]:  # served from the bucket, whichever node rendered it
            assert cover["signedUrl"].startswith(f"{seaweedfs.endpoint_url}/{seaweedfs.bucket}/")
            fetched = requests.get(cover["signedUrl"], timeout=30)
            assert fetched.status_code == 200 and fetched.content[:8] == b"\x89PNG\r\n\x1a\n"
        out = stack.manage(
            "shell",
            "-c",
            "import json; from collections import Counter; from covers.models import JobUnit; "
            "print(json.dumps(Counter(w.split(':')[0] for w in JobUnit.objects.values_list('worker', flat=True))))",
        )
        per_node = json.loads(out.strip().splitlines()[-1])
        assert set(per_node) == {"node-a", "node-b"} and sum(per_node.values()) == 16, per_node
        for data_dir in nodes.values():
            assert not _files_under(data_dir / "media"), "a worker node wrote an image to its own disk"
        assert stack.balance(me.email)[2] == 40 - 16
