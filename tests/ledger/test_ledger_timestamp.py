"""RFC 3161 time-stamps of checkpoints, against a TSA this test runs on 127.0.0.1."""

from __future__ import annotations

import hashlib
import socket
import subprocess
import sys
from dataclasses import replace
from datetime import timedelta
from pathlib import Path
from typing import Iterator

import pytest
from asn1crypto import cms, tsp
from click.testing import CliRunner
from tsa_server import Authority, TimeStampingAuthority, make_authority

from factfinder.capture.common import make_capture
from factfinder.cli import main
from factfinder.store import Store
from factfinder.store.checkpoint import check_checkpoints, make_checkpoint, parse_checkpoint
from factfinder.store.signing import generate_key, load_private_key
from factfinder.store.timestamp import TimestampError, check_token, request_timestamp


@pytest.fixture(scope="module")
def authority() -> Authority:
    return make_authority()


@pytest.fixture()
def tsa(authority: Authority) -> Iterator[TimeStampingAuthority]:
    server = TimeStampingAuthority(authority).start()
    yield server
    server.stop()


def _store(tmp_path: Path, n: int = 5) -> Path:
    db = tmp_path / "f.db"
    with Store.open(db) as store:
        for i in range(n):
            store.add_capture(make_capture(f"Report {i}: two clinics closed after the raid.".encode(),
                                           origin=f"https://example.org/report-{i}", media_type="text/plain"))
    return db


def test_checkpoint_time_stamped_through_the_cli_verifies(tmp_path: Path, tsa: TimeStampingAuthority,
                                                          authority: Authority) -> None:
    db = _store(tmp_path)
    key, cp_file, ca = tmp_path / "k.key", tmp_path / "cp.txt", tmp_path / "ca.pem"
    ca.write_bytes(authority.ca_pem)
    runner = CliRunner()
    assert runner.invoke(main, ["ledger", "keygen", "-o", str(key)]).exit_code == 0
    made = runner.invoke(main, ["ledger", "checkpoint", "--db", str(db), "--key", str(key), "-o", str(cp_file),
                                "--tsa", tsa.url])
    assert made.exit_code == 0, made.output
    assert "and time-stamped" in made.output
    cp = parse_checkpoint(cp_file.read_text())
    assert cp.tsa == tsa.url and cp.timestamp_token is not None
    [request] = tsa.requests
    imprint = tsp.TimeStampReq.load(request)["message_imprint"]["hashed_message"].native
    assert imprint == hashlib.sha256(cp.stamped_bytes()).digest()

    ok = runner.invoke(main, ["verify", "--db", str(db), "--checkpoint", str(cp_file),
                              "--public-key", str(key) + ".pub", "--tsa-cert", str(ca)])
    assert ok.exit_code == 0, ok.output
    assert "by factfinder test TSA (pinned)" in ok.output

    other = tmp_path / "other-ca.pem"
    other.write_bytes(authority.other_ca_pem)
    bad = runner.invoke(main, ["verify", "--db", str(db), "--checkpoint", str(cp_file), "--tsa-cert", str(other)])
    assert bad.exit_code == 1
    assert ("its time-stamp is signed by factfinder test TSA, neither the pinned authority some other CA "
            "nor issued by it") in bad.output


def _stamped(tmp_path: Path, tsa: TimeStampingAuthority) -> tuple[Path, object, object]:
    db = _store(tmp_path)
    key = load_private_key(generate_key(tmp_path / "k.key").private)
    with Store.open(db) as store:
        cp = make_checkpoint(store, key)
    return db, key, replace(cp, tsa=tsa.url, timestamp_token=request_timestamp(tsa.url, cp.stamped_bytes()))


def _problems(db: Path, cp: object) -> tuple[str, ...]:
    with Store.open(db) as store:
        [check] = check_checkpoints(store, [("cp.txt", cp)])
    return check.problems


def test_a_time_stamp_moved_to_a_later_checkpoint_is_caught(tmp_path: Path, tsa: TimeStampingAuthority) -> None:
    db, key, early = _stamped(tmp_path, tsa)
    with Store.open(db) as store:
        store.add_capture(make_capture(b"A later report.", origin="https://example.org/later", media_type="text/plain"))
        late = make_checkpoint(store, key)
    # back-dating: the early time-stamp attached to the later checkpoint
    [problem] = _problems(db, replace(late, timestamp_token=early.timestamp_token))
    assert problem.endswith("its time-stamp covers other bytes than this checkpoint (the message imprint "
                            "differs): the checkpoint was edited after it was time-stamped")
    assert _problems(db, early) == ()


def test_an_altered_time_stamp_is_caught(tmp_path: Path, tsa: TimeStampingAuthority) -> None:
    db, _, cp = _stamped(tmp_path, tsa)
    token = cms.ContentInfo.load(cp.timestamp_token)
    info = token["content"]["encap_content_info"]["content"].parsed
    earlier = tsp.TSTInfo({**{k: info[k] for k in ("version", "policy", "message_imprint", "serial_number",
                                                   "nonce")},
                           "gen_time": info["gen_time"].native - timedelta(days=400)})
    signed = token["content"]
    forged_time = cms.ContentInfo({"content_type": "signed_data", "content": cms.SignedData({
        "version": signed["version"], "digest_algorithms": signed["digest_algorithms"],
        "encap_content_info": {"content_type": "tst_info", "content": earlier},
        "certificates": signed["certificates"], "signer_infos": signed["signer_infos"]})}).dump()
    [problem] = _problems(db, replace(cp, timestamp_token=forged_time))
    assert "was changed: its TSTInfo does not match the digest the authority signed" in problem

    raw = bytearray(cp.timestamp_token)
    signature = signed["signer_infos"][0]["signature"].native
    at = bytes(raw).index(signature)
    raw[at + 10] ^= 0xFF
    [problem] = _problems(db, replace(cp, timestamp_token=bytes(raw)))
    assert "does not verify with the authority's certificate: the token was altered or forged" in problem


def test_a_certificate_not_for_time_stamping_is_refused(tmp_path: Path) -> None:
    server = TimeStampingAuthority(make_authority(for_time_stamping=False)).start()
    try:
        with pytest.raises(TimestampError, match="is signed by a certificate that is not for time-stamping"):
            request_timestamp(server.url, b"factfinder-checkpoint: 1\n")
    finally:
        server.stop()


@pytest.mark.parametrize(("mode", "message"), [
    ("reject", r"refused the request \(rejection: unsupported policy\)"),
    ("garbage", "did not answer with an RFC 3161 time-stamp response"),
    ("huge", "sent more than 1024 kB"),
    ("wrong-nonce", "answers another request"),
    ("slow", r"did not answer within 1 s; try again later or leave out --tsa"),
])
def test_a_misbehaving_authority_is_a_clear_error(tsa: TimeStampingAuthority, mode: str, message: str) -> None:
    tsa.mode = mode
    with pytest.raises(TimestampError, match=message):
        request_timestamp(tsa.url, b"factfinder-checkpoint: 1\n", timeout=1.0)


def test_an_unreachable_authority_fails_the_checkpoint_with_nothing_written(tmp_path: Path) -> None:
    with socket.socket() as probe:  # a port with nothing listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    db = _store(tmp_path)
    runner = CliRunner()
    runner.invoke(main, ["ledger", "keygen", "-o", str(tmp_path / "k.key")])
    result = runner.invoke(main, ["ledger", "checkpoint", "--db", str(db), "--key", str(tmp_path / "k.key"),
                                  "-o", str(tmp_path / "cp.txt"), "--tsa", f"http://127.0.0.1:{port}/tsr"])
    assert result.exit_code == 1
    assert f"cannot reach the time-stamping authority http://127.0.0.1:{port}/tsr" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "cp.txt").exists()
    with Store.open(db) as store:
        assert store.conn.execute("SELECT count(*) FROM checkpoints").fetchone()[0] == 0


def test_check_token_on_its_own(tsa: TimeStampingAuthority, authority: Authority) -> None:
    data = b"some checkpoint bytes\n"
    token = request_timestamp(tsa.url, data)
    problems, notes = check_token(token, data, certificate=authority.ca_pem)
    assert problems == [] and notes[0].startswith("time-stamped ") and notes[0].endswith("(pinned)")
    problems, _ = check_token(token, data + b"x")
    assert problems and "message imprint differs" in problems[0]


def test_a_fresh_process_verifies_the_time_stamp(tmp_path: Path, tsa: TimeStampingAuthority,
                                                 authority: Authority) -> None:
    """`verify` runs later, in another process that never made a request (regression: the
    TSTInfo content type is only known to asn1crypto once its tsp module is imported)."""
    db, _, cp = _stamped(tmp_path, tsa)
    (tmp_path / "cp.txt").write_text(cp.text())
    (tmp_path / "ca.pem").write_bytes(authority.ca_pem)
    run = subprocess.run([sys.executable, "-m", "factfinder", "verify", "--db", str(db), "--checkpoint",
                          str(tmp_path / "cp.txt"), "--tsa-cert", str(tmp_path / "ca.pem")],
                         capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "by factfinder test TSA (pinned)" in run.stdout


def test_a_token_from_openssls_tsa_checks_out(tmp_path: Path, tsa: TimeStampingAuthority,
                                             authority: Authority) -> None:
    tsa.mode = "openssl"
    db, _, cp = _stamped(tmp_path, tsa)
    token = cms.ContentInfo.load(cp.timestamp_token)
    assert token["content"]["encap_content_info"]["content"].parsed["policy"].dotted == "1.3.6.1.4.1.99999.2"
    problems, notes = check_token(cp.timestamp_token, cp.stamped_bytes(), certificate=authority.ca_pem)
    assert problems == [] and notes[0].endswith("by factfinder test TSA (pinned)")
    assert _problems(db, cp) == ()
    edited = _problems(db, replace(cp, entries=cp.entries - 1))  # signature and time-stamp both break
    assert any("its signature does not verify" in p for p in edited)
    assert any("its time-stamp covers other bytes than this checkpoint" in p for p in edited)
