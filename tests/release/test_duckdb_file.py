"""The DuckDB file's block size: small blocks for a small release, larger ones for a large one."""

import pytest

from pipeline.publish.duckdb_file import MAX_BLOCK_SIZE, MIN_BLOCK_SIZE, block_size


@pytest.mark.parametrize(
    ("data_bytes", "block"),
    [
        (0, 16_384),
        (100_000, 16_384),  # the seed
        (10_600_000, 16_384),  # 1,000 sources
        (33_554_432, 32_768),
        (106_700_000, 65_536),  # 10,000 sources
        (268_435_456, 262_144),
        (10**12, 262_144),
    ],
)
def test_block_size(data_bytes, block):
    assert block_size(data_bytes) == block
    assert MIN_BLOCK_SIZE <= block <= MAX_BLOCK_SIZE
    assert block & (block - 1) == 0
