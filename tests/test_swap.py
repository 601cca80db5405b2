"""The release directory is replaced in one step, and leftovers of a crash are cleaned."""

from pipeline.publish.swap import remove_leftovers, replace_dir, staging_dir


def test_replace_dir_swaps_contents(tmp_path):
    target = tmp_path / "warehouse"
    target.mkdir()
    (target / "a.txt").write_text("old")
    new = staging_dir(target)
    (new / "a.txt").write_text("new")
    (new / "b.txt").write_text("added")
    replace_dir(new, target)
    assert sorted(p.name for p in target.iterdir()) == ["a.txt", "b.txt"]
    assert (target / "a.txt").read_text() == "new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["warehouse"]


def test_replace_dir_creates_missing_target(tmp_path):
    target = tmp_path / "warehouse"
    new = staging_dir(target)
    (new / "x").write_text("1")
    replace_dir(new, target)
    assert (target / "x").read_text() == "1"


def test_open_readers_keep_the_old_file(tmp_path):
    target = tmp_path / "warehouse"
    target.mkdir()
    (target / "f").write_text("old")
    with open(target / "f") as reader:
        new = staging_dir(target)
        (new / "f").write_text("new")
        replace_dir(new, target)
        assert reader.read() == "old"
    assert (target / "f").read_text() == "new"


def test_remove_leftovers(tmp_path):
    target = tmp_path / "warehouse"
    target.mkdir()
    staging_dir(target)
    remove_leftovers(target)
    assert [p.name for p in tmp_path.iterdir()] == ["warehouse"]
