"""Look-alikes of emergencies that are none, second set (round 9 of issue 13; entries read by
:mod:`.need_lexicon`, marks and the test by :mod:`.need_time`).

The sixth development part's writers showed these classes, each covered in several wordings,
regions and recognition damages, not by their sentences:

- **A fire out, heard wrong** ("lửa tắc rồi": Vosk's "tắt"), and **everyone ashore** after a
  vehicle or a boat was swept away ("người lên bờ hết rồi", "vô bờ an toàn hết"): resolved
  (:data:`FIRE_OUT`, :data:`ASHORE`); someone still in the water said after it still counts.
- **A game, a film shoot** ("đang chơi điện tử bị tụi nó vây đánh", "đoàn phim quay cảnh
  rượt đuổi"): what their clause says, to the next break ("thì", "mà", "giờ", a relative, a
  collapse...), is no emergency unless said to be real (:data:`GAME`, :data:`SHOOT`).
- **A how-to question** ("cho hỏi bị rắn cắn thì sơ cứu sao", "sơ cứ" as Vosk writes it):
  an emergency between "hỏi" and a "thì làm gì" with nobody named nor anything happening now
  is asked about, not reported (:data:`HOW_ENDS`); a first-aid class or a lesson seen on TV
  ("thấy người ta chỉ cách ép tim", "lớp sơ cứu") is a topic (:data:`TEACHING`).
- **A denial after the verb** ("hổng ai đánh", "có ai đánh nó đâu", "bị má la thôi"):
  :data:`LOOK_ALIKE_ENTRIES`, the longest match keeping the violence word out.
- **Lending apps and fake kidnappings by phone** ("áp vay gọi khủng bố người thân", "số lạ
  gọi nói bắt cóc ... mà nó đang ngồi học bình thường, tụi lừa đảo"): a report, not danger
  at the door, unless the thugs are said to be there (:data:`LOAN_APP`, :data:`ARRIVED`,
  :data:`CLAIMED`, :data:`SCAM`, :data:`SAFE`).
- **A theft over, the thief gone** ("giật giỏ ... nó chạy mất tiêu rồi", "kẻ trộm đi mất rồi",
  "hồi nảy": Vosk's "hồi nãy"): the theft said before it is no emergency (:data:`GONE`);
  a kidnapping or an assault is still one.
- **Figures of speech**: "ngột thở muốn chết" of dust, "nhìn hóa đơn muốn đứng tim".
- **A wanderer found** ("đi lạc hoài, tìm về rồi"), **a daily heart medicine run out** ("thuốc
  tim mỗi ngày ... hết": high), **slow erosion** ("sạt lở dần", feared for the rains): no
  emergency now; **the service numbers asked about** ("số một một bốn với một một lăm").
- **Reports, not other needs**: lenders who harass ("tụi đòi nợ", "cho vay qua ứng dụng"),
  scams ("giả công an", "lừa cọc") and a theft reported afterwards ("muốn trình báo",
  "thủ tục trình báo") are violations, not money or paperwork.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding import need_time_words as tw
from callbot.understanding.need_base import Entry, each, entry
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

_NUMBERS = ("một một lăm", "một một năm", "một một bốn", "một một ba")
_WHO_SCOLDS = ("má", "mẹ", "ba", "bố", "cha", "cô", "thầy", "ông", "bà", "chị", "anh", "người ta")


FIRE_OUT = phrases("""
    lửa tắc, lữa tắc, lữa tắt, lửa tắt hẳn, lửa tắt ngúm, tắt lửa rồi, tắc lửa rồi,
    dập lửa rồi, hết lửa rồi, lửa tắc rồi, dập lữa rồi, lửa hết rồi
""")
ASHORE = phrases(
    each(
        ("lên bờ", "vô bờ", "vào bờ", "bơi vô bờ", "bơi vào bờ", "dạt vô bờ"),
        "{} hết rồi",
        "{} hết",
        "{} an toàn",
        "{} được hết",
        "{} được rồi",
        "{} cả rồi",
    )
    + ", ai cũng lên bờ, mọi người lên bờ, cả nhà lên bờ, người ta lên bờ hết"
)
GAME = phrases("""
    chơi game, chơi gêm, chơi ghêm, chơi điện tử, trò chơi điện tử, trò điện tử, game online,
    trong game, game sinh tồn, game bắn súng, game kinh dị, chơi liên quân, chơi pubg,
    chơi pớp gi, chơi free fire, chơi phi phai, chơi đột kích, game
""")
# A scene shot, not a witness filming ("tui quay clip tụi nó đánh người" is one).
SHOOT = phrases("""
    quay phim cảnh, đoàn phim, đoàng phim, đóng phim, đóng cảnh, diễn cảnh, cảnh quay,
    quay tiktok cảnh, quay tóp tóp cảnh, quay mv, quay quảng cáo, đoàn làm phim, phim trường
""")
# Where a game's or a shoot's clause ends ("đang chơi game thì ba tui té xỉu", "ghiền game
# bị ba nó đánh": the family is no player; "chơi game suốt đêm ngất xỉu": the player's own
# collapse is no scene).
FICTION_STOPS = tw.CLAUSE_BREAKS | words("""
    thì rồi xong tự bỗng chợt thiệt thật đời ba má mẹ bố cha ông bà anh chị vợ chồng
    đêm suốt hoài ngất xỉu bất co sùi
""")
ASKED = phrases("hỏi, cho hỏi, muốn hỏi, xin hỏi, hỏi thật, hỏi xem, hỏi thử, hỏi là")
HOW_ENDS = phrases(
    """
    thì làm gì, thì làm sao, thì phải làm sao, thì phải làm gì, thì xử lý sao, thì xử lý thế nào,
    thì xử lý làm sao, thì gọi ai, thì gọi số nào, thì báo ai, thì cứu sao, thì cứu làm sao,
    thì thoát ra sao, thì thoát sao, thì làm thế nào, thì làm răng, thì làm như nào, xử lý sao,
"""
    + each(
        ("sơ cứu", "sơ cứ", "xơ cứu", "xơ cứ", "sơ cấp cứu"),
        "thì {} sao",
        "thì {} thế nào",
        "thì {} như nào",
        "thì {} làm sao",
        "thì {} ra sao",
        "{} sao",
        "{} thế nào",
        "{} như nào",
        "{} ra sao",
        "{} răng",
    )
)
HOW_REACH = 10
# Between "hỏi" and the emergency, someone of the caller's, someone there or something now: a
# real case ("cho em hỏi ba em bị rắn cắn thì sơ cứu sao").
PERSONAL = words("""
    tui tôi tao mình em con cháu ba má mẹ bố cha ông bà anh chị vợ chồng nó ổng bả ảnh chỉ cổ
    thằng đứa bé đang giờ vừa mới nhà hàng xóm bạn
""")
SOMEONE = ("có", "người")  # "có người bị đuối nước" is someone; "người bị ..." anyone
TEACHING = phrases("""
    chỉ cách ép, chỉ cách sơ cứu, chỉ cách cấp cứu, chỉ cách xử lý, chỉ cách cứu,
    chỉ cách hô hấp, dạy cách, hướng dẫn cách, học cách, lớp sơ cứu, lớp cấp cứu,
    khóa sơ cứu, khóa học sơ cứu, tập huấn sơ cứu, cách ép tim, cách hô hấp nhân tạo
""")
LOAN_APP = phrases("""
    app vay, áp vay, ap vay, app cho vay, áp cho vay, ứng dụng vay, ứng dụng cho vay,
    vay qua app, vay qua áp, vay app, vay áp, vay online, vay trên mạng, vay qua mạng,
    app tín dụng, áp tín dụng, tụi app, bên app, vay tiền online, vay tiền qua app,
    vay tiền qua áp, vay tiền qua ứng dụng, vay tiền trên mạng, vay tiền qua mạng, vay tiền app,
    cho vay qua ứng dụng, cho vay qua mạng, cho vay qua app, cho vay online
""")
# The lender's thugs said to be here ("đang đứng trước cửa cầm mã tấu").
ARRIVED = phrases(
    """
    trước cửa, ngoài cửa, trước nhà, trước cổng, ngoài cổng, tới nhà rồi, tới rồi,
    đang đứng, đập cửa, xông vô, xông vào, kéo tới, đang tới, đang ở ngoài, tới tận nhà,
    kéo đến, đang ở ngoài, dưới nhà, đang ở dưới, ngoài ngõ, trước ngõ, đầu ngõ, trước hẻm,
    cầm dao, cầm mã tấu, cầm súng, cầm hung khí, cầm gậy, cầm cây, cầm xăng,
    vô nhà, vào nhà, đang đập, đang chém, đang đánh, tới đánh, tới chém, tới đập, tới đòi,
    kéo người tới, dẫn người tới,
"""
    + each(
        ("tới nhà", "tới nhà tui", "tới nhà tôi", "đến nhà", "đến nhà tôi", "qua nhà"),
        "{} rồi",
        "{} chém",
        "{} đánh",
        "{} đập",
        "{} đâm",
        "{} phá",
    )
)
# Said before the arrival, a threat of it: "nhắn tin dọa qua nhà chém", "nói sẽ cầm dao tới".
THREATENED = words("dọa hăm nói sẽ đòi")
# A kidnapping claimed by phone, a scam: "số lạ gọi nói bắt cóc", "giả danh công an".
CLAIMED = phrases("""
    số lạ, gọi nói, gọi điện nói, gọi tới nói, gọi vô nói, điện thoại nói, nhắn tin nói,
    nhắn nói, gọi báo, giả danh, giả làm, mạo danh, tự xưng
""")
SCAM = words("lừa đảo lừa gạt lừa bịp lường lừa giả chiêu mánh")
SAFE = phrases("""
    bình thường, an toàn, đang ngồi học, đang đi học, ở trường, trên trường, đang ở nhà,
    vẫn ở nhà, không có bị gì, hổng có bị gì, không bị gì, không sao, đang đi làm
""")
# The thief gone, the theft said before it over ("nó chạy mất tiêu rồi").
GONE = phrases(
    each(
        ("trộm", "kẻ trộm", "thằng trộm", "tên trộm", "tụi trộm", "kẻ gian", "nó", "tụi nó"),
        "{} chạy mất tiêu rồi",
        "{} chạy mất rồi",
        "{} đi mất rồi",
        "{} đi mất tiêu rồi",
        "{} trốn mất rồi",
        "{} tẩu thoát rồi",
        "{} chạy thoát rồi",
        "{} đi rồi",
    )
)
THEFT = words("trộm giật giựt giỏ cướp móc lục cạy phá đột lẻn trấn bẻ khiêng dắt")
_ANY = words("nó tụi")  # "nó chạy mất rồi": a thief only after a theft

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
LOOK_ALIKE_ENTRIES: tuple[Entry, ...] = (
    # A denial after the verb ("hổng ai đánh"; "không có đánh" is one before it: negation;
    # "không có ai đánh" stays an emergency, as "không có ai khó thở" does), a child only
    # scolded.
    entry(None, "normal", 0, each(("đánh", "đánh đập", "đụng", "đập"),
        "không ai {}", "hổng ai {}", "hông ai {}", "chẳng ai {}", "có ai {} đâu", "ai {} đâu",
        "đâu có ai {}", "không bị ai {}", "hổng bị ai {}", "chứ không ai {}", "có {} đâu",
        "có ai {} nó đâu", "ai {} nó đâu", "có ai {} ai đâu", "có ai {} gì đâu", "có {} nó đâu",
        "có {} ai đâu", "đâu có {} nó")),
    entry(None, "normal", 0, each(_WHO_SCOLDS, "bị {} la", "bị {} mắng", "bị {} rầy",
        "bị {} chửi", "{} la thôi", "{} rầy thôi")),
    # Lending apps, scams, a theft found after the thief left: reports.
    entry("violation", "normal", 3, ", ".join(" ".join(p) for p in LOAN_APP)),
    entry("violation", "normal", 3, """
        tụi lừa đảo, bọn lừa đảo, cuộc gọi lừa đảo, gọi lừa đảo, chiêu lừa, lừa gạt
        """),
    entry("violation", "normal", 3, ", ".join(" ".join(p) for p in GONE if p[0] not in _ANY)),
    # Lenders who harass, scams, a theft reported afterwards: reports to the police
    # (violation), not a money need nor paperwork.
    entry("violation", "normal", 3, """
        tụi cho vay, bọn cho vay, tụi đòi nợ, bọn đòi nợ, cho vay nặng lãi, app đòi nợ,
        cho vay qua ứng dụng, cho vay qua mạng, cho vay qua app, cho vay online,
        giả công an, giả làm công an, gọi nói trúng thưởng, báo trúng thưởng, nói tui trúng thưởng,
        lừa cọc, bị lừa cọc, lừa tiền cọc, lừa chuyển tiền, lừa chuyển khoản
        """),
    entry("violation", "normal", 3, """
        muốn trình báo, đi trình báo, trình báo công an, trình báo mất, thủ tục trình báo,
        trình báo vụ, báo công an vụ
        """),
    # A first-aid question or class ("cho hỏi bị rắn cắn thì sơ cứu sao").
    entry("medical", "normal", 3, """
        sơ cứu, sơ cứ, cách sơ cứu, lớp sơ cứu, học sơ cứu, khóa sơ cứu, cách ép tim
        """),
    # Figures of speech: dust, a bill.
    entry(None, "normal", 0, each(("ngột thở", "ngộp thở", "ngột ngạt", "ngộp", "bụi"),
        "{} muốn chết", "{} gần chết", "{} muốn xỉu", "{} chết luôn") + """,
        bụi mù ngộp thở, bụi mù ngột thở, bụi quá ngộp thở, bụi ngộp thở, khói bụi ngộp thở,
        bụi quá thở không nổi, bụi thở không nổi, bụi mù thở không nổi, khói bụi thở không nổi,
        bụi quá không thở nổi,
        muốn đứng tim, muốn đứng tim luôn, xém đứng tim, suýt đứng tim, gần đứng tim,
        đứng tim luôn á, hết hồn muốn đứng tim, như muốn đứng tim
        """),
    # A daily heart medicine (the daily + runout combination: high).
    entry("medical", "normal", 3, each(("thuốc tim", "thuốc tim mạch", "thuốc trợ tim"),
        "{} mỗi ngày", "{} hằng ngày", "{} hàng ngày", "{} mỗi sáng", "{} mỗi tối",
        "{} thường xuyên"), tags="daily"),
    entry("medical", "normal", 3, "thuốc tim, thuốc tim mạch, thuốc trợ tim, thuốc bệnh tim"),
    # Slow erosion: a hazard to report.
    entry("other", "normal", 3, """
        sạt lở dần, sạt lở từ từ, sạt lở từng chút, sạt lở mỗi năm, sạt lở mỗi mùa,
        lở dần, sạt dần, lở từ từ, sạt lở ăn vô, sạt lở ăn sâu, nguy cơ sạt lở,
        có nguy cơ sạt lở, sạt lở lấn, sụt lún dần, lún dần, nứt dần
        """, tags="hazard"),
    # The service numbers asked about ("số một một bốn với một một lăm khác nhau").
    entry(None, "normal", 0, each(_NUMBERS, "với {}", "và {}", "hay {}", "hoặc {}",
        "{} khác nhau", "số {}")),
)
# fmt: on


def clause_end(words_: list[str], start: int, stops: frozenset[str]) -> int:
    """Where the clause from ``start`` ends: the next of ``stops``, or the answer's end."""
    return next((k for k in range(start, len(words_)) if words_[k] in stops), len(words_))


def said_real(words_: list[str], end: int) -> bool:
    """Whether "thật", "thiệt" follows within :data:`.need_time_words.REAL_REACH` words of
    ``end``: what was said is real, no film, drill or play."""
    return bool(tw.REAL.intersection(words_[end : end + tw.REAL_REACH]))


def _clauses(
    words_: list[str], marks: list[tuple[int, int]], stops: frozenset[str]
) -> list[tuple[int, int]]:
    """From each marker's end to the next of ``stops`` (or the answer's end)."""
    return [(end, clause_end(words_, end, stops)) for _, end in marks]


def look_alike_marks(words_: list[str]) -> Marks:
    """Where the answer says what this module's classes need (module docstring); the keys
    ``fire_out`` and ``resolved`` add to :func:`.need_time_marks.time_marks`'s."""
    asked = [e for _, e in find(words_, ASKED)]
    how = []
    for s, _ in find(words_, HOW_ENDS):
        start = max((e for e in asked if 0 < s - e <= HOW_REACH), default=None)
        span = words_[start:s] if start is not None else []
        someone = any(tuple(span[k : k + 2]) == SOMEONE for k in range(len(span) - 1))
        if start is not None and not PERSONAL & set(span) and not someone:
            how.append((start, s))
    return {
        "fire_out": find(words_, FIRE_OUT),
        "resolved": find(words_, ASHORE),
        "game": _clauses(words_, find(words_, GAME), FICTION_STOPS),
        "shoot": _clauses(words_, find(words_, SHOOT), FICTION_STOPS),
        "how_to": how,
        "teaching": _clauses(words_, find(words_, TEACHING), FICTION_STOPS),
        "loan_app": find(words_, LOAN_APP),
        "arrived": [
            (s, e)
            for s, e in find(words_, ARRIVED)
            if not THREATENED & set(words_[max(0, s - 2) : s])
        ],
        "claimed": find(words_, CLAIMED),
        "safe": find(words_, SAFE),
        "gone": find(words_, GONE),
    }


def in_fiction(hit: Hit, words_: list[str], marks: list[tuple[int, int]], reach: int) -> bool:
    """Whether ``hit`` is said within ``reach`` words after a game or a film named (``marks``),
    in its clause ("chơi game xong ra ngoài đánh nhau" is not) and not said to be real."""
    real = said_real(words_, hit.end)
    return not real and any(
        0 <= hit.start - e < reach and not FICTION_STOPS & set(words_[e : hit.start])
        for _, e in marks
    )


def look_alike(hit: Hit, words_: list[str], marks: Marks) -> bool:
    """Whether an emergency ``hit`` is one of this module's look-alikes (module docstring)."""
    inside = any(s <= hit.start < e for s, e in marks["game"] + marks["shoot"])
    real = said_real(words_, hit.end)
    violation = hit.entry.category == "violation"
    theft = "crime" in hit.entry.tags and bool(THEFT & set(words_[hit.start : hit.end]))
    claims = [s for s, _ in marks["claimed"]]
    safe_after = any(c < s for c in claims for s, _ in marks["safe"])
    scam = bool(claims) and (bool(SCAM & set(words_)) or safe_after)
    return (
        (inside and not real)
        or any(s <= hit.start < e for s, e in marks["how_to"] + marks["teaching"])
        or (violation and bool(marks["loan_app"]) and not marks["arrived"])
        or (violation and scam and not marks["arrived"])
        or (theft and any(s >= hit.start for s, _ in marks["gone"]))
    )
