"""Helpers shared by the generators that read Debian packages
(gen_geo.py, gen_lemmas.py): clear failures and package versions."""
import os
import subprocess
import sys


def die(prog, msg):
    """Stop the build with `prog: msg`."""
    sys.stderr.write(f"{prog}: {msg}\n")
    sys.exit(1)


def need(prog, path, package):
    """`path`, or stop with a clear message naming the package to install."""
    if not os.path.isfile(path):
        die(prog, f"missing {path}: install the Debian package {package} "
                  f"(tools/deps.sh installs it)")
    return path


def version(package):
    """The installed version of a Debian package, for output headers."""
    try:
        r = subprocess.run(["dpkg-query", "-W", "-f=${Version}", package],
                           capture_output=True, text=True, check=False)
    except OSError:
        return "(version unknown)"
    return r.stdout.strip() if r.returncode == 0 and r.stdout.strip() \
        else "(version unknown)"
