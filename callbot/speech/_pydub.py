"""The one place pydub is imported, with its known import-time warnings contained.

pydub 0.25.1 imports the standard ``audioop`` module, deprecated since Python 3.11 (it warns
on import), its ``utils.py`` has an invalid escape sequence (a DeprecationWarning when the
module is compiled without a cached ``.pyc``), and it warns at import when ffmpeg is not on
PATH. With ``filterwarnings = error`` any of these would turn into an exception, so pydub is
imported here, under :func:`warnings.catch_warnings`, and nowhere else.
"""

from __future__ import annotations

import shutil
import warnings

from callbot.errors import SetupError

with warnings.catch_warnings():
    warnings.filterwarnings(
        "ignore", message="'audioop' is deprecated", category=DeprecationWarning
    )
    warnings.filterwarnings(
        "ignore", message="invalid escape sequence", category=DeprecationWarning
    )
    warnings.filterwarnings("ignore", message="Couldn't find ff", category=RuntimeWarning)
    from pydub import AudioSegment
    from pydub.exceptions import CouldntDecodeError, CouldntEncodeError
    from pydub.silence import detect_leading_silence

__all__ = [
    "AudioSegment",
    "CouldntDecodeError",
    "CouldntEncodeError",
    "detect_leading_silence",
    "require_ffmpeg",
]


def require_ffmpeg() -> None:
    """Fail with a :class:`SetupError` naming the Debian package when ffmpeg is missing.

    pydub decodes MP3 and resamples through the ``ffmpeg`` and ``ffprobe`` programs.
    """
    missing = [tool for tool in ("ffmpeg", "ffprobe") if shutil.which(tool) is None]
    if missing:
        raise SetupError(
            f"{' and '.join(missing)} not found on PATH: prompts are decoded and resampled "
            "with ffmpeg; install it (Debian: apt-get install ffmpeg)"
        )
