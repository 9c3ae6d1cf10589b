#!/usr/bin/env python3
"""Prints botocore's SigV4 Authorization header for the EC2 Query POST that SigV4TestSuiteTests signs.

Run once; the output is committed in Tests/EC2QueryTests/BotocoreSignatures.swift. Python never runs in tests.
"""
import datetime
from unittest import mock

from botocore.auth import SigV4Auth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials

creds = Credentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY")
req = AWSRequest(
    method="POST",
    url="http://127.0.0.1:5000/",
    data=b"Action=DescribeTrafficMirrorTargets&Version=2016-11-15",
    headers={"Content-Type": "application/x-www-form-urlencoded; charset=utf-8"},
)
fixed = datetime.datetime(2015, 8, 30, 12, 36, 0)
with mock.patch("botocore.auth.get_current_datetime", return_value=fixed):
    SigV4Auth(creds, "ec2", "us-east-1").add_auth(req)
print(req.headers["Authorization"])
