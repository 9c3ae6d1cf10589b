"""Fixtures that run `mirrorplan lab serve` (and moto_server) as real processes on 127.0.0.1.

Real clients nobody here wrote (the AWS CLI, boto3) talk to them; nothing contacts AWS. Credentials are
dummies and every AWS config file is /dev/null, so no real account or profile is ever used.
"""
import json
import os
import pathlib
import select
import signal
import socket
import subprocess
import time
import urllib.request

import boto3
import botocore.config
import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = pathlib.Path(os.environ.get("MIRRORPLAN_BIN", ROOT / ".build" / "debug" / "mirrorplan"))
KEY_ID, SECRET = "AKIDLABEXAMPLE", "lab-secret-example"

# The AWS CLI and boto3 see only these: no ~/.aws, no IMDS, no retries unless a test asks for them.
CLIENT_ENV = {
    "AWS_ACCESS_KEY_ID": KEY_ID,
    "AWS_SECRET_ACCESS_KEY": SECRET,
    "AWS_CONFIG_FILE": "/dev/null",
    "AWS_SHARED_CREDENTIALS_FILE": "/dev/null",
    "AWS_DEFAULT_REGION": "us-east-1",
    "AWS_REGION": "us-east-1",
    "AWS_EC2_METADATA_DISABLED": "true",
    "AWS_RETRY_MODE": "standard",
    "AWS_MAX_ATTEMPTS": "1",
    "AWS_PAGER": "",
}


class Lab:
    """A running `mirrorplan lab serve`; stopping it checks the graceful SIGTERM exit."""

    def __init__(self, *args):
        if not BINARY.exists():
            pytest.fail(f"{BINARY} not built; run `swift build` first (or set MIRRORPLAN_BIN)")
        self.process = subprocess.Popen(
            [str(BINARY), "lab", "serve", "--port", "0", *args],
            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        ready, _, _ = select.select([self.process.stdout], [], [], 20)
        line = self.process.stdout.readline() if ready else ""
        if not line.startswith("listening on http://127.0.0.1:"):
            self.process.kill()
            pytest.fail(f"lab did not start: {line!r} {self.process.stderr.read()}")
        self.url = line.split("listening on ", 1)[1].strip()

    def stats(self):
        with urllib.request.urlopen(self.url + "/_lab/stats", timeout=10) as response:
            return json.load(response)

    def stop(self):
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
                pytest.fail("lab did not stop within 15 s of SIGTERM")
        return self.process.returncode

    def ec2(self, max_attempts=1, validate=True, key=KEY_ID, secret=SECRET):
        config = botocore.config.Config(
            retries={"total_max_attempts": max_attempts, "mode": "standard"}, parameter_validation=validate,
            connect_timeout=5, read_timeout=10)
        return boto3.client("ec2", endpoint_url=self.url, region_name="us-east-1", aws_access_key_id=key,
                            aws_secret_access_key=secret, config=config)


@pytest.fixture
def start_lab():
    labs = []

    def start(*args):
        lab = Lab(*args)
        labs.append(lab)
        return lab

    yield start
    for lab in labs:
        assert lab.stop() == 0, "lab serve must exit 0 on SIGTERM"


@pytest.fixture
def lab(start_lab):
    return start_lab("--seed", "1")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def moto():
    port = free_port()
    process = subprocess.Popen(["moto_server", "-H", "127.0.0.1", "-p", str(port)],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                break
        except OSError:
            time.sleep(0.1)
    else:
        process.kill()
        pytest.fail("moto_server did not start")
    yield url
    process.terminate()
    process.wait(timeout=15)


def topology_enis(client):
    """Name → primary ENI id, found the way mirrorplan finds them (DescribeInstances by tag:Name)."""
    enis = {}
    for name in ("Client", "Server", "Target"):
        reservations = client.describe_instances(
            Filters=[{"Name": "tag:Name", "Values": [name]}, {"Name": "instance-state-name", "Values": ["running"]}])["Reservations"]
        instances = [i for r in reservations for i in r["Instances"]]
        assert len(instances) == 1, name
        primary = [n for n in instances[0]["NetworkInterfaces"] if n["Attachment"]["DeviceIndex"] == 0]
        enis[name] = primary[0]["NetworkInterfaceId"]
    return enis
