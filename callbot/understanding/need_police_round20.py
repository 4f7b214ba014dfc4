"""Police emergencies (113) the rules missed, as the twelfth development set's writers G and H
said them (round 20 of issue 13; the entries and combos are read by :mod:`.need_lexicon`,
:func:`seen_instead` by :mod:`.need_time_marks`).

Each reading covers a kind of speech, in several wordings and regions and as Vosk writes them
(what the entry fields mean: :mod:`.need_lexicon`):

- **Thought one thing, saw another** (:func:`seen_instead`): "tui tưởng ai bệnh mà nhìn qua
  khe cửa thấy thằng chồng đang trói vợ", "tưởng bả té mà chạy qua thấy ...", "tưởng có rắn
  mà là có thằng leo rào", "tưởng lên cơn mà ổng rút dao ra". What was thought ("tưởng") is
  no scene, but the "mà" that turns to what the caller saw, or to someone acting, ends it:
  what follows is now (as "ai dè", "hóa ra" already did, :mod:`.need_time_words`).
- **A rider or driver held at knifepoint** (113): "kề con dao vô hông", "dí giao vô cổ" (Vosk's
  "giao" for "dao"), a knife at the side, the throat or the back (``blade_pressed`` +
  ``at_body``: two short lists joined, not their product, to keep the index small).
- **A demand backed by a threat now** (113): "biểu đưa điện thoại với tiền hổng thì nó đâm",
  "đưa tiền đây không thì tao chém": a demand, then "or else" and a blow (``demand`` +
  ``or_else``).
- **Driven off and not let down** (113): "chở con vô chỗ vắng không chịu dừng", "chạy ra đường
  ruộng vắng kêu dừng mà ổng không dừng": a ride to a lonely place (``detour``, ``secluded``)
  and a driver who will not stop (``wont_stop``); a bus that does not stop at its stop is no
  such thing (nothing lonely said).
- **Dragged and silenced** (113): "kéo vô nhà kho ... bịt miệng lại", "lôi vào nhà kho
  rồi bụm miệng" (``dragged`` + ``muffled``, :mod:`.need_missed_more`'s muffled words).
- **Followed by someone armed** (113): "có thằng cầm dao bám theo", relayed by a message or
  not: the one followed hides ("giờ cháu trốn trong quán"), which is the danger under way
  (:data:`.need_false_alarms.UNDER_WAY`).
- **Boarded, not fallen** : "bên ghe khác nhảy qua cầm dựa" (Vosk's "dựa" for "rựa") is men
  jumping aboard, no one falling into the water: "nhảy qua", "nhảy sang" right after a boat.
- **A lock forced** (113): Vosk's "cại" for "cạy" ("có tiếng cại khóa cổng").
"""

from __future__ import annotations

from callbot.understanding.need_base import Combo, Entry, entry, pairings

__all__ = ["POLICE20_COMBOS", "POLICE20_ENTRIES", "seen_instead"]

# -- thought one thing, saw another ------------------------------------------------------
_TURN = frozenset({"mà", "nhưng"})
# What the caller did to see: "nhìn qua khe cửa thấy", "chạy qua thấy", "ngó cửa sổ thấy".
_SEEING = frozenset({"thấy", "nhìn", "ngó", "dòm", "coi", "chộ", "nghía", "liếc", "soi"})
_SEEING_REACH = 5
# Or straight to who acts: "mà là có thằng ...", "mà ổng rút dao ra".
_ACTORS = frozenset({"là", "ổng", "bả", "hắn", "thằng", "tụi", "mấy", "có", "nó", "ông", "bà"})


def seen_instead(words: list[str]) -> list[int]:
    """Where the answer turns from what was thought to what was seen: each "mà" ("nhưng")
    followed by a word of seeing within a few words, or at once by someone acting."""
    out = []
    for i, w in enumerate(words):
        if w not in _TURN or i + 1 >= len(words):
            continue
        if words[i + 1] in _ACTORS or _SEEING.intersection(words[i + 1 : i + 1 + _SEEING_REACH]):
            out.append(i)
    return out


# -- held, threatened, driven off, dragged ------------------------------------------------
_PRESS = ("kề", "dí", "gí", "chĩa", "kê", "kề sát", "dí sát")
# ("kề dao", "dí dao" are emergencies alone: :mod:`.need_danger`)
_BLADE = ("giao", "rao", "con dao", "con giao", "cây dao", "cây giao", "dao lam",
          "mã tấu", "cây mã tấu", "dao găm", "con dao găm")  # fmt: skip
_AT = ("vô", "vào", "ngay", "sát", "lên")
_BODY = ("hông", "cổ", "lưng", "bụng", "sườn", "ngực", "gáy", "cổ họng", "cổ tui",
         "hông tui", "hông em", "cổ em", "lưng tui", "lưng em", "hông anh", "cổ anh")  # fmt: skip
_DEMAND = ("biểu đưa", "bắt đưa", "kêu đưa", "đòi đưa", "đưa điện thoại", "đưa tiền",
           "đưa hết", "đưa đây", "đòi tiền", "đòi điện thoại", "đòi lấy", "giao tiền",
           "giao điện thoại", "móc tiền ra", "đưa ví", "đưa xe", "đưa bóp")  # fmt: skip
_ELSE = ("hổng thì", "không thì", "hông thì", "ko thì", "bằng không", "nếu không", "kẻo")
_WHO_STRIKES = ("", "nó", "tao", "tụi nó")
_STRIKES = ("đâm", "chém", "giết", "bắn", "rạch", "xử")
_WONT_STOP = ("không chịu dừng", "hổng chịu dừng", "hông chịu dừng", "chẳng chịu dừng",
              "không chịu ngừng", "không chịu dừng lại", "không dừng lại", "hổng dừng lại",
              "nói dừng mà ổng không nghe", "kêu dừng mà không dừng", "kêu dừng không dừng",
              "không cho con xuống", "hổng cho xuống", "không thả", "không chịu thả",
              "chạy luôn không dừng", "cứ chạy luôn")  # fmt: skip
_DRAG = ("kéo", "lôi", "kéo tuột", "lôi tuột", "lôi xềnh xệch", "kéo xềnh xệch", "vác")
_INTO = ("vô", "vào")
_PLACES = ("nhà kho", "kho", "phòng", "nhà hoang", "nhà vệ sinh",
           "nhà tắm", "chỗ tối", "góc", "gầm", "nhà", "ruộng", "vườn", "rẫy", "trong")  # fmt: skip
_LONELY = ("đường vắng", "ruộng vắng", "đường ruộng vắng", "đồng vắng", "chỗ vắng vẻ",
           "khúc vắng", "đường đồng vắng", "bờ ruộng vắng", "bãi đất trống", "bãi vắng",
           "hẻm vắng", "lộ vắng")  # fmt: skip
_TOWARD = ("vô", "vào", "ra", "tới", "đến", "dô", "lên")
_ARMED = ("cầm dao", "cầm giao", "cầm rựa", "cầm dựa", "cầm mã tấu", "cầm súng", "cầm kiếm",
          "cầm búa", "cầm gậy", "cầm dao lam", "cầm hung khí", "cầm kéo", "cầm cây")  # fmt: skip
_FOLLOW = ("bám theo", "đi theo", "rượt theo", "chạy theo", "bám đuôi", "lẽo đẽo theo",
           "theo sau", "đuổi theo", "theo con", "theo cháu", "theo em", "theo tui",
           "theo tôi")  # fmt: skip
_VESSELS = ("ghe", "tàu", "thuyền", "xuồng", "ghe khác", "tàu khác", "thuyền khác")
_ABOARD = ("nhảy qua", "nhảy sang", "leo qua", "leo sang", "nhảy lên", "ùa qua", "xông qua")

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
POLICE20_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, pairings(_PRESS, _BLADE), tags="blade_pressed", fold="tone"),
    entry(None, "normal", 0, pairings(_AT, _BODY), tags="at_body", fold="tone"),
    entry("violation", "emergency", 5, pairings(_ARMED, _FOLLOW),
          service="113", tags="crime violence", fold="tone"),
    entry("violation", "emergency", 5, """
        cại khóa, cại ổ khóa, cại khóa cổng, cại cổng, cại két, cại tủ, đang cại, tiếng cại
        """, service="113", tags="crime", fold="exact"),
    entry(None, "normal", 0, ", ".join(_DEMAND), tags="demand", fold="tone"),
    entry(None, "normal", 0, pairings(_ELSE, _WHO_STRIKES, _STRIKES), tags="or_else",
          fold="tone"),
    entry(None, "normal", 0, ", ".join(_WONT_STOP), tags="wont_stop", fold="tone"),
    entry(None, "normal", 0, ", ".join(_LONELY) + ", " + pairings(_TOWARD, _LONELY),
          tags="secluded", fold="tone"),
    entry(None, "normal", 0, pairings(_DRAG, _INTO, _PLACES), tags="dragged", fold="tone"),
    entry(None, "normal", 0, pairings(_VESSELS, _ABOARD), tags="aboard", fold="tone"),
)

POLICE20_COMBOS: tuple[Combo, ...] = (
    Combo(("blade_pressed", "at_body"), "violation", "emergency", 5, window=2, ordered=True,
          service="113", gives=frozenset({"crime"})),
    Combo(("demand", "or_else"), "violation", "emergency", 5, window=10, ordered=True,
          service="113", gives=frozenset({"crime"})),
    Combo(("detour", "wont_stop"), "violation", "emergency", 5, window=10, service="113",
          gives=frozenset({"crime"})),
    Combo(("secluded", "wont_stop"), "violation", "emergency", 5, window=10, service="113",
          gives=frozenset({"crime"})),
    Combo(("dragged", "muffled"), "violation", "emergency", 5, window=14, service="113",
          gives=frozenset({"crime"})),
)
# fmt: on
