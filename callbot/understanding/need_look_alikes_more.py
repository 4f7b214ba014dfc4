"""Look-alikes of emergencies that are none, third set (round 10 of issue 13; entries read by
:mod:`.need_lexicon`, marks and the test by :mod:`.need_time`, as :mod:`.need_look_alikes`).

The seventh development part's last writers showed these classes, each covered in several
wordings, regions and recognition damages, not by their sentences:

- **A scare that was a small animal** ("nghe la thất thanh ... thì ra bà cụ bị con chuột chạy
  qua chân thôi"): a reversal ("thì ra", "hóa ra", "té ra") with a rat, a cockroach, a gecko
  within :data:`ANIMAL_REACH` words resolves what was said before it (:data:`PEST`).
- **A play rehearsed** ("tập kịch vai bị bắt cóc la cứu với", "đóng kịch", "diễn văn nghệ"):
  its clause, to the next break, is no emergency unless said to be real (:data:`PLAY`).
- **Which number is which** ("có số một một lăm một một bốn mà hổng biết số nào gọi cái gì",
  "số cứu hỏa là số mấy"): the numbers asked about (:data:`WHICH_NUMBER`), not called for.
- **A fire's victims and aid** ("người bị cháy nhà có được phường hỗ trợ không"): an event
  followed by a question of aid (:data:`AID`) is a topic, unless it is said to be now.
- **Seen on television** ("coi ti vi thấy vụ cháy lớn"): the clause of what was shown
  (:data:`ON_TV`).
- **Counselling asked for** ("chỗ nào tư vấn cho phụ nữ bị bạo hành"): a topic
  (:data:`COUNSEL`), as "hỗ trợ" is; a beating said before it still counts.
- **An epilepsy medicine run out** ("thuốc chống co giật chỉ còn một viên": high, through
  :data:`MORE_LOOK_ALIKE_ENTRIES`, the longest match keeping "co giật" out), **sleep apnoea**
  ("ngưng thở khi ngủ", snoring "mấy năm nay": :data:`SNORING`, :data:`FOR_YEARS`).
- **Handled already**: people let out of a lift ("kỹ thuật mở cho mọi người ra hết rồi"),
  a transformer bang after which the power company came and cut the power ("điện lực tới cắt
  điện rồi ... vẫn chưa có điện": the wait is for power, :data:`POWER_HANDLED`).
"""

from __future__ import annotations

from itertools import pairwise
from typing import TYPE_CHECKING

from callbot.understanding import need_time_words as tw
from callbot.understanding.need_base import Entry, each, entry
from callbot.understanding.need_look_alikes import clause_end, said_real
from callbot.understanding.need_time_marks import Marks, find
from callbot.understanding.need_time_words import phrases, words

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

PEST = words("chuột chút gián mèo thạch sùng thằn lằn nhện dơi chim ếch cóc")
REVERSALS = phrases("thì ra, hóa ra, té ra, hóa ra là, thì ra là, té ra là, ai dè, nào ngờ")
ANIMAL_REACH = 8
ONLY = "thôi"
# "tưởng bị trộm hóa ra thằng em tui đi khuya về leo cổng thôi": one of the family, after a
# thought of danger, is no intruder.
FAMILY = words("em con cháu chồng vợ ba má mẹ bố cha ông bà anh chị ổng bả")
FAMILY_REACH = 3
THOUGHT = words("tưởng")
# A fire drill in the building ("sáng nay tập phòng cháy chuông kêu ầm ĩ").
TRAINING = phrases("""
    tập phòng cháy, tập báo cháy, tập pccc, tập phòng cháy chữa cháy, tập chạy cháy,
    tập thoát nạn, diễn tập cháy, tập phòng chữa cháy, tập huấn pccc
""")
# A service's number asked ("số điện thoại đội chữa cháy quận mình"): the service is named.
NUMBER_OF = phrases("số điện thoại, số đt, số điện thoại của, số máy, số của, xin số, lưu số")
NUMBER_REACH = 3
PLAY = phrases("""
    tập kịch, đóng kịch, diễn kịch, vở kịch, tập diễn, tập văn nghệ, diễn văn nghệ,
    đóng vai, vai bị, sắm vai, tiểu phẩm, tập tiểu phẩm, diễn tiểu phẩm, tập kệch, đóng kệch
""")
PLAY_STOPS = tw.CLAUSE_BREAKS | words("""
    thì rồi xong thiệt thật bỗng chợt tự ngất xỉu bất té ngã sùi co về tan ra
""")
_NUMBERS = words("một ba bốn lăm năm")
WHICH_NUMBER = phrases("""
    số nào gọi, số nào là, số nào gọi cái gì, số nào để gọi, số nào của, là số mấy,
    số mấy, số gì, số nào, số điện thoại cứu hỏa, số điện thoại công an, số cứu hỏa,
    số cấp cứu là, số công an là, mấy số đó, mấy số này, ba số đó, ba số này, số nào dùng
""")
AID = phrases("""
    hỗ trợ, trợ cấp, cứu trợ, đền bù, bồi thường, trợ giúp, giúp đỡ tiền, tiền hỗ trợ,
    chế độ, cứu tế
""")
AID_REACH = 8
NOW = words("đang còn vẫn giờ kẹt")
ON_TV = phrases("""
    coi ti vi, xem ti vi, coi tivi, xem tivi, trên ti vi, trên tivi, coi tin, xem tin,
    coi thời sự, xem thời sự, đài truyền hình, truyền hình
""")
# What the screen showed must be a scene ("đang xem ti vi tự dưng lịm đi" is the caller's
# own evening).
SHOWN = phrases("""
    thấy vụ, thấy cảnh, thấy người ta, có vụ, chiếu vụ, chiếu cảnh, đưa tin, đưa vụ, chiếu
""")
SHOWN_REACH = 3
COUNSEL = phrases("""
    tư vấn, tham vấn, tạm lánh, nhà tạm lánh, nơi tạm lánh, chỗ tạm lánh, đường dây nóng,
    tư vấn tâm lý, tổng đài tư vấn
""")
COUNSEL_REACH = 8  # "tư vấn cho phụ nữ bị bạo hành": "cho" names who it is for
SNORING = words("ngáy ngái")
FOR_YEARS = phrases("""
    mấy năm nay, mấy năm rồi, nhiều năm, lâu nay, lâu rồi, từ lâu, mấy tháng nay,
    đêm nào cũng, tối nào cũng, mấy năm
""")
# Said of tonight, not of years: "tự nhiên ngưng thở luôn lay hổng dậy".
SUDDEN = words("tự_nhiên tự_dưng đột bỗng dậy tỉnh lay tím")
# Who was let out, said ("nước ối ra hết rồi" is no one let out).
RELEASED = phrases(
    each(
        ("ra hết", "ra được hết", "ra ngoài hết", "ra an toàn", "ra hết trơn"),
        "cho mọi người {}",
        "cho người ta {}",
        "cho ai cũng {}",
        "mọi người {} rồi",
        "cứu {} rồi",
        "đưa {} rồi",
        "người ta {} rồi",
    )
    + ", mở cửa cho ra hết, mở cho ra hết, mở thang máy cho ra, được cứu ra hết"
)
POWER_HANDLED = phrases("""
    điện lực tới cắt điện, điện lực đến cắt điện, điện lực cắt điện, điện lực tới cúp điện,
    điện lực tới rồi, điện lực đến rồi, điện lực tới xử lý, cắt điện rồi, cúp điện rồi,
    ngắt điện rồi, chưa có điện, vẫn mất điện, vẫn cúp điện, bị cúp điện, bị mất điện
""")

# fmt: off
MORE_LOOK_ALIKE_ENTRIES: tuple[Entry, ...] = (
    # An epilepsy medicine, not a seizure (with a runout: high, as a daily heart medicine).
    entry("medical", "normal", 3, each(("chống co giật", "chống động kinh", "trị động kinh",
        "động kinh", "co giật", "chống co dật", "chống động kin"), "thuốc {}", "thuốc {} mỗi ngày",
        "thuốc {} hằng ngày"), tags="daily"),
    # Medicine nearly run out (with a chronic illness or a daily medicine: high).
    entry(None, "normal", 0, each(("chỉ còn", "còn có", "chỉ còn có", "còn đúng"),
        "{} một viên", "{} hai viên", "{} một liều", "{} một cữ", "{} một vỉ") + """,
        sắp hết thuốc, gần hết thuốc, hết hàng, nhà thuốc hết, tiệm thuốc hết
        """, tags="runout"),
    # Sleep apnoea, a clinic asked for.
    entry("medical", "normal", 3, """
        ngưng thở khi ngủ, ngừng thở khi ngủ, ngưng thở lúc ngủ, ngừng thở lúc ngủ,
        hội chứng ngưng thở, chứng ngưng thở, bệnh ngưng thở, khám ngưng thở
        """),
)
# fmt: on


def more_look_alike_marks(words_: list[str]) -> Marks:
    """Where the answer says what this module's classes need (module docstring); the keys
    ``resolved`` and ``media`` add to :func:`.need_time_marks.time_marks`'s."""
    reversals = find(words_, REVERSALS)
    pests = [(s, e) for s, e in reversals if PEST & set(words_[e : e + ANIMAL_REACH])]
    thought = bool(THOUGHT & set(words_))
    family = [
        (s, e) for s, e in reversals if thought and FAMILY & set(words_[e : e + FAMILY_REACH])
    ]
    power = find(words_, POWER_HANDLED)
    media = []
    shown = [s for s, _ in find(words_, SHOWN)]
    for _, e in find(words_, ON_TV):
        if not any(0 <= k - e < SHOWN_REACH for k in shown):
            continue
        media.append((e, clause_end(words_, e, tw.CLAUSE_BREAKS)))
    play = [(e, clause_end(words_, e, PLAY_STOPS)) for _, e in find(words_, PLAY)]
    said = {*words_, *(" ".join(p) for p in pairwise(words_))}
    sudden = bool({w.replace("_", " ") for w in SUDDEN} & said)
    snoring = bool(SNORING & said) and bool(find(words_, FOR_YEARS)) and not sudden
    # what the animal did, to the clause's end, when "thôi" says it was all ("té ra con chuột
    # cống chạy vô thôi": no fall into a drain)
    pest_spans = []
    for s, e in pests + family:
        stop = clause_end(words_, e, tw.CLAUSE_BREAKS)
        # "thôi rồi" is dismay, not "only"
        if any(
            w == ONLY and words_[k + 1 : k + 2] != ["rồi"]
            for k, w in enumerate(words_)
            if e <= k <= stop
        ):
            pest_spans.append((s, stop))
    return {
        "resolved": pests + find(words_, RELEASED),
        "pest": pest_spans,
        "media": media,
        "play": play,
        "which_number": find(words_, WHICH_NUMBER),
        "aid": find(words_, AID),
        "counsel": find(words_, COUNSEL),
        "power_handled": power,
        "snoring": [(0, len(words_))] if snoring else [],
        "drill": find(words_, TRAINING),
        "number_of": find(words_, NUMBER_OF),
    }


def _aid_question(hit: Hit, words_: list[str], aid: list[tuple[int, int]]) -> bool:
    """An event followed within :data:`AID_REACH` words by aid for it, nothing said now."""
    return any(0 <= s - hit.end < AID_REACH and not NOW & set(words_[hit.end : s]) for s, _ in aid)


def more_look_alike(hit: Hit, words_: list[str], marks: Marks) -> bool:
    """Whether an emergency ``hit`` is one of this module's look-alikes (module docstring)."""
    said = words_[hit.start : hit.end]
    real = said_real(words_, hit.end)
    numbers = set(said) <= _NUMBERS
    breathing = "thở" in said
    return (
        (not real and any(s <= hit.start < e for s, e in marks["play"] + marks["pest"]))
        or (numbers and bool(marks["which_number"]))
        or any(0 <= hit.start - e < NUMBER_REACH for _, e in marks["number_of"])
        or _aid_question(hit, words_, marks["aid"])
        or any(
            0 < hit.start - e < COUNSEL_REACH
            and tw.FOR_WHOM in words_[e : hit.start]
            and not tw.CLAUSE_BREAKS & set(words_[e : hit.start])
            for _, e in marks["counsel"]
        )
        or (breathing and bool(marks["snoring"]))
        or ("blast" in hit.entry.tags and any(s >= hit.end for s, _ in marks["power_handled"]))
    )
