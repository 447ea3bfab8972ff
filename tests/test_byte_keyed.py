"""What a file's bytes build is kept per process by those bytes, and by nothing else."""

from __future__ import annotations

from wederhoor.labelers.byte_keyed import ByteKeyed


def test_built_once_per_bytes_and_again_for_other_bytes_or_names() -> None:
    built: list[bytes] = []
    keyed: ByteKeyed[str] = ByteKeyed(most=3)

    def get(name: str, raw: bytes) -> str:
        return keyed.get(name, raw, lambda: built.append(raw) or raw.decode())

    assert get("nl", b"a") == "a" and get("nl", b"a") == "a"
    assert built == [b"a"]  # the same bytes: built once
    assert get("nl", b"b") == "b" and get("en", b"a") == "a"
    assert built == [b"a", b"b", b"a"]  # other bytes, or the same bytes under another name
    get("xx", b"c")  # a fourth: the store, at its bound, starts again
    get("nl", b"a")
    assert built[-2:] == [b"c", b"a"]
    keyed.clear()
    get("xx", b"c")
    assert built[-1] == b"c"
