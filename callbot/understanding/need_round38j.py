"""Round 38J of issue 13 (writer J of session 19: short southern lines, daytime scenes outside
the home: building sites, factories, markets, fields, rivers, roads, with mirrors), mended
after review: no calm phrase takes an old emergency word over ("bị cuốn", "lửa", "nổ").

115 or 114, entries (:data:`J38_ENTRIES`) read by :func:`round38j_service`:

- **A flame** ("bị lửa lò nung táp vô", "bình cồn bắn lửa") is a fire, 114, as "lửa" was;
  a burn said after it ("... phỏng hết nửa người") makes it 115, unless the flame spreads or
  hits property ("bén qua rèm", "nhà tui bị lửa lò gạch táp vô": 114).
- **A battery that burst** ("bình ắc quy nổ") is a blast, 114, as "nổ" was; 115 once someone
  is hit ("văng axit vô mắt", "ông thợ bị thương") with no fire, smoke or anyone trapped.
- **A limb, hair or clothes caught in a machine** ("tay bị cuốn vô máy trộn") is 114, as
  "bị cuốn" was; 115 when a wound is said after and nothing says still caught ("còn kẹt",
  "kéo hoài không ra": 114). Hooked on a screen ("bị cuốn vô máy game") or a rope caught
  ("sợi dây bị cuốn vô máy cày") is calm.

115, entries and signs read together (:data:`J38_COMBOS`):

- **Something big and sharp driven into the trunk** ("miểng kính ... ghim vô bụng", "thanh
  thép găm vô ngực"); a pin in a shirt ("ghim vô ngực áo"), acupuncture, a thorn, and "ghim
  vô hông" ("hông" = "không") or "ghim vô đầu" (a start, a tip) are calm.
- **Run over by a heavy vehicle** ("xe xúc lùi cán lên bàn chân"), or crushed ("cán nát bàn
  tay", "cán lên bàn chân ... nát bét"); a bicycle over a foot alone is calm.
- **Cut through a limb** ("dây tời quấn đứt ngang bắp chân"); a sleeve, a glove, a doll, a
  bracelet ("găng tay bị đứt ngang ngón tay") are calm.
- **Blood in a pool** ("máu lênh láng"); fish cleaned ("làm cá máu lênh láng"), a
  slaughterhouse's waste ("thải máu lênh láng"), bleeding stopped ("băng lại rồi") are calm.
- **A nail through the foot** ("xuyên qua bàn chân"); **a nail gun is a tool** ("súng bắn
  đinh bắn xuyên qua đùi"), but shot at someone ("... bắn vô người hàng xóm") it is 113.
- **Trembling with a cold sweat** ("run lẩy bẩy mồ hôi lạnh") is high alone (fright, an exam,
  a run); with diabetes known or no answer ("bả bị tiểu đường") it is 115.
- **A shock, then "tụi"** ("thợ điện bị giựt tụi tui cúp cầu dao"): no "giựt túi" (113).
- **A tearing bite, then the biter gone** ("cắn rách bắp chân con chó chạy mất rồi").
- **Hornets with someone down** ("... có đứa xỉu", "bất tỉnh"): 115; still swarmed or up a
  tree ("còn bu đầy người", "còn treo trên cây"): 114.

114: **a cobra come in where people are** ("bò vô lớp học"; into a bush it is calm);
**children crying while it goes on** ("tụi nhỏ đang la khóc", who they are kept); **a
flooded underpass and someone stuck** ("hầm chui ngập nước ... hông ra được", "mắc kẹt",
"nước lên tới ngực"); a jam there ("xe cộ kẹt cứng") is calm.

113: **people chased** ("rượt người ta") by someone with a weapon or beating, or fleeing a
drunk or a stranger ("rượt người ta chạy quanh chợ"); by habit ("hay rượt người ta") or on
an errand ("rượt người ta đòi nợ", "mời mua") it is calm. **A pervert holding someone**
("thằng biến thái đang giữ con nhỏ"); a film ("phim biến thái") is calm.

Calm: bathing in the river by habit ("hay nhảy sông tắm"); a jump to bathe with no habit
said stays the old jump into the water (114).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import Combo, Entry, Service, entry, pairings, signs_together
from callbot.understanding.need_time_marks import find
from callbot.understanding.need_time_words import phrases, words

if TYPE_CHECKING:  # need_match reads the lexicon, which reads this module
    from callbot.understanding.need_match import Hit

__all__ = ["J38_COMBOS", "J38_ENTRIES", "round38j_service"]

# -- 115 ---------------------------------------------------------------------------------------
# a flame on someone ("bị lửa lò nung táp vô") or a burner spitting it: a fire (114) that the
# burn said after turns to 115 (:func:`round38j_service`), unless it spreads or hits property
_FLASH = pairings(
    ("bị",),
    ("lửa lò", "lửa lò nung", "lửa lò gạch", "lửa lò than", "lửa lò rèn", "lửa lò hơi",
     "lửa táp vô", "lửa phụt vô", "lửa bắn vô"),
) + ", " + pairings(
    ("cồn", "bình cồn", "bếp cồn", "lò nướng", "bếp nướng"),
    ("bắn lửa", "phụt lửa", "bắn ra lửa"),
)  # fmt: skip
_BATTERY = """
    bình ắc quy nổ, ắc quy nổ, bình ắc quy phát nổ, ắc quy phát nổ, bình ắc quy bị nổ,
    ắc quy bị nổ, bình ắc quy nổ tung
"""
# ("cổ" left out: "ghim vô cổ áo"; "hông" is also "không", "đầu" a start or a tip)
_TRUNK = ("bụng", "ngực", "lưng", "bả vai", "đùi")
_DRIVE = ("ghim vô", "ghim vào", "ghim dô", "găm vô", "găm vào", "găm dô")
_PINNED = pairings(_DRIVE, _TRUNK)
# pinned to clothes, or needles of acupuncture: no wound
_PIN_CLOTHES = pairings(
    _DRIVE, ("lưng áo", "ngực áo", "bả vai áo", "lưng quần", "đùi quần", "vai áo")
) + ", kim châm cứu, châm cứu"  # fmt: skip
# what is driven in must be big and sharp ("miểng kính": round 27Q's shards; "thanh sắt",
# "cây sắt": the lexicon's bars) or wound the body
_SHARP = """
    mảnh kính, miểng sắt, mảnh sắt, mũi tên, thanh thép, cọc sắt, cây cọc, lưỡi dao, cây kéo,
    mũi khoan, lưỡi cưa
"""
J38_SHARP = ("j38_sharp", "q27_shard", "blunt", "weapon")
_FOOT = ("bàn chân", "bàn tay", "cẳng chân", "bắp chân", "ống chân", "cổ chân", "bàn chưn")
_OVER = ("cán lên", "cán qua", "cán trúng", "cán ngang")
# heavy vehicles run over a foot: 115; a light one ("xe máy cán qua bàn chân") only crushing
_HEAVY = ("xe tải", "xe ben", "xe xúc", "máy xúc", "xe cẩu", "xe lu", "xe ủi", "xe container",
          "xe buýt", "xe khách", "xe bồn", "xe cuốc")  # fmt: skip
_RUN_OVER = pairings(("cán nát", "cán dập"), _FOOT) + ", " + pairings(
    _HEAVY, ("", "lùi", "de", "lùi lại", "de lại", "chạy"), _OVER, _FOOT)  # fmt: skip
_RUN_OVER_LIGHT = pairings(_OVER, _FOOT)
# (a bare "chân" is also a pole's: "dây cáp đứt ngang chân cột"; "đùi" also shorts')
_LIMB = (*_FOOT, "cổ tay", "cánh tay", "ngón tay", "ngón chân", "giò")
_CUT_THROUGH = pairings(("đứt ngang", "quấn đứt", "quấn đứt ngang", "cắt đứt ngang"), _LIMB)
# things cut, not bodies: a sleeve, a glove, a doll, a statue, a bracelet, a tattoo
_THINGS = ("găng tay", "búp bê", "vòng tay", "dây chuyền", "hình xăm", "cái áo", "tay áo",
           "cái quần", "quần đùi", "tượng", "đường kẻ")  # fmt: skip
_CUT_THING = ", ".join(_THINGS) + ", " + pairings(
    _THINGS, ("bị", "bị rách", "bị gãy", "bị bể", ""), ("đứt ngang", "quấn đứt ngang"), _LIMB
) + ", đứt ngang cổ tay áo, đứt ngang tay áo, " + pairings(  # light, a leaf: no nail
    ("tia laser", "ánh nắng", "ánh sáng", "chiếc lá"), ("xuyên qua", "xuyên thủng"), _FOOT
)  # fmt: skip
_MACHINES = ("máy trộn", "máy xay", "máy cày", "máy tuốt", "trục", "trục quay", "băng chuyền",
             "bánh răng", "dây curoa")  # fmt: skip
_CAUGHT = pairings(("bị cuốn vô", "bị cuốn vào", "bị cuốn dô"), ("máy", *_MACHINES)) + ", " + (
    pairings(("bị kéo vô", "bị quấn vô"), _MACHINES))  # fmt: skip
# hooked on a screen ("bị cuốn vô máy game"), a rope caught: no body in the machine
_HOOKED = pairings(
    ("bị cuốn vô", "bị cuốn vào", "bị cuốn dô"),
    ("máy game", "máy chơi game", "máy điện thoại", "máy tính", "máy vi tính"),
) + ", " + pairings(
    ("sợi dây", "dây thừng"), ("bị cuốn vô", "bị cuốn vào"), ("máy", *_MACHINES)
)  # fmt: skip
_POOL = "máu lênh láng, máu chảy lênh láng, máu ra lênh láng, máu me lênh láng"
# fish cleaned, a slaughterhouse's waste: no patient
_POOL_NONE = pairings(
    ("làm cá", "làm cá lóc", "cắt cá", "cắt cá lóc", "mổ cá", "mổ cá lóc", "thải", "xả"),
    ("máu lênh láng",),
)
# the bleeding stopped ("băng lại rồi hết chảy rồi")
_STANCHED = "hết chảy rồi, hết chảy máu rồi, băng lại rồi, cầm máu rồi, cầm được máu rồi"
_NAIL_THROUGH = pairings(("xuyên qua", "đâm xuyên", "xuyên thủng"), _FOOT)
_NAILER = "súng bắn đinh bắn, máy bắn đinh bắn, súng bắn đinh nó bắn"
# a nail gun shot at a person: an assault (113)
_NAIL_SHOT = pairings(
    ("súng bắn đinh bắn", "máy bắn đinh bắn"),
    ("vô người", "người ta", "vô người ta", "thằng", "vô thằng", "hàng xóm",
     "vô hàng xóm", "ổng", "bả", "vô ổng", "vô bả"),
)  # fmt: skip
_SWEAT = ("mồ hôi lạnh", "ra mồ hôi lạnh", "đổ mồ hôi lạnh", "toát mồ hôi lạnh", "vã mồ hôi lạnh")
_TREMBLE = ("run lẩy bẩy", "run bần bật", "run cầm cập", "người run rẩy")
_SHAKE_SWEAT = pairings(_TREMBLE, _SWEAT) + ", " + pairings(_SWEAT, _TREMBLE)
# the biter gone after a tearing bite ("cắn rách bắp chân con chó chạy mất rồi")
_BITER_GONE = pairings(
    ("con chó", "con chó dữ", "con chó đó", "con chó điên", "con khỉ"),
    ("chạy mất", "chạy mất rồi", "chạy đi mất", "chạy mất tiêu"),
)
# bathing in the river by habit is no jump from a boat ("hay nhảy sông tắm")
_SWIM = pairings(
    ("hay", "thường", "ưa", "hay đi", "thường hay", "hay ra"),
    ("nhảy sông", "nhảy xuống sông", "nhảy kênh", "nhảy xuống kênh", "nhảy rạch",
     "nhảy xuống rạch", "nhảy ao", "nhảy xuống ao"),
    ("tắm", "bơi", "tắm mát", "bơi lội"),
)  # fmt: skip

# -- 114 ---------------------------------------------------------------------------------------
# come in where people are ("bò vô lớp học"); into a bush or a hole it is leaving
_COBRA = pairings(
    ("rắn hổ mang bành", "con rắn hổ mang bành", "hổ mang bành", "con hổ mang bành"),
    ("bò vô", "bò dô", "bò vào", "chui vô", "chui dô", "chui vào", "trườn vô"),
    ("nhà", "phòng", "lớp", "lớp học", "phòng học", "bếp", "mùng", "giường", "xe", "chuồng gà",
     "trường", "nhà vệ sinh", "tiệm", "quán"),
)  # fmt: skip
_CRY = pairings(
    ("tụi nhỏ", "con nít", "học sinh", "mấy đứa nhỏ", "bọn trẻ", "tụi học sinh"),
    ("đang la khóc", "đang khóc thét", "đang la hét", "đang khóc la", "la khóc om sòm"),
)
_FLOODED = "hầm chui ngập, hầm chui ngập nước, hầm chui bị ngập, hầm chui ngập sâu"
_JAM = "xe cộ kẹt cứng"

# -- 113 ---------------------------------------------------------------------------------------
# ("rượt theo", "rượt đánh" are the lexicon's own 113)
_CHASED = ("rượt người ta", "rượt mọi người", "rượt bà con")
_CHASE = ", ".join(_CHASED)
# a habit, an errand: no attack now ("hay rượt người ta", "rượt người ta đòi nợ")
_CHASE_NOT = pairings(("hay", "thường", "hay đi", "thường hay"), _CHASED) + ", " + pairings(
    _CHASED, ("đòi nợ", "mời mua", "mời", "để bắt", "bắt uống", "xin tiền"))  # fmt: skip
# people fleeing him ("rượt người ta chạy quanh chợ", "rượt bà con trong xóm chạy tán loạn")
_FLED = pairings(
    _CHASED,
    ("", "trong xóm", "ngoài chợ", "trong chợ", "khắp xóm", "khắp chợ", "ngoài đường"),
    ("chạy tán loạn", "chạy tứ tung", "chạy quanh"),
)
_PERVERT = "thằng biến thái, tên biến thái, gã biến thái, ông biến thái, một thằng biến thái"
# a shock, then "tụi" ("thợ điện bị giựt tụi tui cúp cầu dao"), as round 27P's "điện giựt tụi";
# a bare "bị giựt tụi tui" may be a bag snatched ("bị giựt túi tui")
# round 24G's holding a child, held tight ("đang giữ chặt đứa nhỏ")
_HELD_TIGHT = pairings(
    ("đang giữ chặt", "giữ chặt", "đang ôm chặt", "ôm chặt cứng"),
    ("con nhỏ", "đứa nhỏ", "con bé", "thằng nhỏ", "đứa bé", "học sinh", "con gái"),
)
_SHOCK_US = pairings(
    ("thợ điện bị giựt", "thợ điện bị giật", "chạm điện bị giựt", "đụng điện bị giựt",
     "dính điện bị giựt", "chạm dây điện bị giựt"),
    ("tụi",),
)  # fmt: skip

# fmt: off
J38_ENTRIES: tuple[Entry, ...] = (
    entry("other", "emergency", 5, _FLASH, tags="fire j38_flash q27_flash", fold="tone",
          service="114"),
    entry("other", "emergency", 5, _BATTERY, tags="blast j38_battery", fold="tone",
          service="114"),
    entry(None, "normal", 0, _PINNED, tags="j38_pinned", fold="tone"),
    entry(None, "normal", 0, _PIN_CLOTHES, tags="j38_pin_clothes", fold="tone"),
    entry(None, "normal", 0, _SHARP, tags="j38_sharp", fold="tone"),
    entry("medical", "emergency", 3, _RUN_OVER, tags="sick wound", fold="tone", service="115"),
    entry(None, "normal", 0, _RUN_OVER_LIGHT, tags="j38_run_over", fold="tone"),
    entry("medical", "emergency", 5, _CUT_THROUGH, tags="sick wound j38_cut", fold="tone",
          service="115"),
    entry(None, "normal", 0, _CUT_THING, tags="j38_thing", fold="tone"),
    entry("other", "emergency", 5, _CAUGHT, tags="v32_caught j38_caught", fold="tone",
          service="114"),
    entry(None, "normal", 0, _HOOKED, tags="j38_hooked", fold="tone"),
    entry("medical", "emergency", 5, _POOL, tags="sick j38_pool", fold="tone", service="115"),
    entry(None, "normal", 0, _POOL_NONE, tags="j38_pool_none", fold="tone"),
    entry(None, "normal", 0, _STANCHED, tags="j38_stanched", fold="tone"),
    entry("medical", "emergency", 5, _NAIL_THROUGH, tags="sick wound", fold="tone",
          service="115"),
    entry(None, "normal", 0, _NAILER, tags="b28_nailer", fold="tone"),
    entry("violation", "emergency", 5, _NAIL_SHOT, tags="violence j38_nail_shot", fold="tone",
          service="113"),
    entry("medical", "high", 3, _SHAKE_SWEAT, tags="j38_shake_sweat", fold="tone"),
    entry(None, "normal", 0, _BITER_GONE, tags="away j38_biter_gone", fold="tone"),
    entry(None, "normal", 0, _SWIM, tags="j38_swim", fold="tone"),
    entry("other", "emergency", 5, _COBRA, tags="c29_snake", fold="tone", service="114"),
    entry(None, "normal", 0, _CRY, tags="q27_cry person who", fold="tone"),
    entry(None, "normal", 0, _FLOODED, tags="j38_flooded", fold="tone"),
    entry(None, "normal", 0, _JAM, tags="traffic", fold="tone"),
    entry(None, "normal", 0, _CHASE, tags="j38_chase", fold="exact"),
    entry(None, "normal", 0, _CHASE_NOT, tags="j38_chase_not", fold="exact"),
    entry(None, "normal", 0, _FLED, tags="j38_chase j38_fled", fold="exact"),
    entry(None, "normal", 0, _PERVERT, tags="j38_pervert stranger", fold="tone"),
    entry(None, "normal", 0, _HELD_TIGHT, tags="g24_holding", fold="tone"),
    entry("medical", "emergency", 5, _SHOCK_US, tags="sick", fold="tone", service="115"),
)
J38_COMBOS: tuple[Combo, ...] = (
    signs_together("n30_tearing", "j38_biter_gone", 4, ordered=True),
    *(signs_together(t, "j38_pinned", 6, ordered=True) for t in J38_SHARP),
    # trembling with a cold sweat and an illness known or no answer ("bả bị tiểu đường")
    *(signs_together("j38_shake_sweat", t, 10) for t in ("chronic", "unanswered")),
    signs_together("j38_run_over", "v32_mangled", 8, ordered=True),
    # a thing cut, a pin in clothes, fish cleaned, the bleeding stopped: no wound
    Combo(("j38_thing", "j38_cut"), None, "normal", 0, window=4, ordered=True, quiets=True),
    Combo(("j38_stanched", "j38_pool"), None, "normal", 0, window=10, quiets=True),
    *(Combo(("j38_flooded", t), "other", "emergency", 5, window=14, ordered=True,
            service="114", gives=frozenset({"stuck"}))
      for t in ("cannot_leave", "stuck", "trapped", "deep_water")),
    # a limb still caught in the machine: 114 to free it ("còn kẹt gỡ hổng ra")
    Combo(("j38_caught", "c29_still_caught"), "other", "emergency", 5, window=10, ordered=True,
          service="114", gives=frozenset({"stuck"})),
    *(Combo((w, "j38_chase"), "violation", "emergency", 5, window=8, ordered=True,
            service="113", gives=frozenset({"violence"}))
      for w in ("violence", "weapon")),
    # people fleeing a drunk or a stranger ("có thằng say rượu ... rượt người ta chạy quanh")
    *(Combo((w, "j38_fled"), "violation", "emergency", 5, window=10, ordered=True,
            service="113", gives=frozenset({"violence"}))
      for w in ("drink", "stranger")),
    Combo(("j38_pervert", "g24_holding"), "violation", "emergency", 5, window=6, ordered=True,
          service="113", gives=frozenset({"violence"})),
)
# fmt: on

# -- service -----------------------------------------------------------------------------------
J38_HORNETS = "c29_hornets"
# someone down after the stings: fainted, blacked out, turning blue, short of breath
J38_DOWN = frozenset({"xỉu", "ngất", "lịm", "tím", "thở", "bất"})
# the swarm still on them, or them still up high: 114 to reach them
J38_STILL_UP = phrases("còn bu, vẫn bu, còn treo, trên cây, trên cột, trên mái")
# a limb still in the machine ("kéo hoài không ra", "chưa rút ra được"): 114 to free it
J38_STILL_IN = phrases("""
    còn kẹt, vẫn kẹt, kẹt cứng, mắc kẹt, kẹt luôn, chưa rút ra, chưa kéo ra, chưa gỡ ra,
    chưa ra, không ra, hổng ra, hông ra, chưa lấy ra, kéo theo, còn trong máy, gỡ không ra
""")  # fmt: skip
# a flame that spreads or hits property ("bén qua rèm", "táp qua mái"): a fire, 114
J38_SPREAD = words("cháy lan bén dính mái nhà kho chuồng rèm tiệm xưởng ga")
J38_PROPERTY = words("nhà mái quán kho chuồng tiệm xưởng rèm")
J38_OWNER = words("tui tôi mình ổng bả nó heo gà bò vịt bên")
# a battery blast with a fire, smoke or someone trapped: 114
J38_BLAST_RESCUE = words("cháy lửa khói kẹt")
J38_BLAST_HURT = phrases("""
    bị thương, phỏng, bỏng, trúng mặt, trúng mắt, trúng đầu, trúng người, vô mặt, vô mắt,
    ngay mặt, chảy máu
""")  # fmt: skip
# a nail gun's shot by accident ("bị súng bắn đinh bắn vô người"): the wound, 115
J38_SLIP = words("bị lỡ trượt tuột sơ")


def _owned(hits: list[Hit], alarm: Service, tag: str) -> list[Hit]:
    """The live hits of ``alarm`` when all carry ``tag`` (else none)."""
    own = [h for h in hits if not h.negated and h.entry.alarm == alarm]
    return own if own and all(tag in h.entry.tags for h in own) else []


def _hurt_after(hits: list[Hit], first: Hit) -> bool:
    """A live 115 hit said after ``first``."""
    return any(not h.negated and h.entry.alarm == "115" and h.end > first.end for h in hits)


def _rescue_115(hits: list[Hit], ws: list[str]) -> bool:
    """A flame, a battery, a machine that hurt someone now free: 115 (module docstring)."""
    if own := _owned(hits, "114", "j38_caught"):
        first = min(own, key=lambda h: h.start)
        return not find(ws[first.start :], J38_STILL_IN) and _hurt_after(hits, first)
    if own := _owned(hits, "114", "j38_flash"):
        first = min(own, key=lambda h: h.start)
        before = ws[max(0, first.start - 2) : first.start]
        owned = bool(before) and before[-1] in J38_OWNER and before[0] in J38_PROPERTY
        if owned or (before and before[-1] in J38_PROPERTY):
            return False
        return not J38_SPREAD.intersection(ws[first.end :]) and _hurt_after(hits, first)
    if own := _owned(hits, "114", "j38_battery"):
        first = min(own, key=lambda h: h.start)
        if J38_BLAST_RESCUE.intersection(ws):
            return False
        return _hurt_after(hits, first) or bool(find(ws[first.end :], J38_BLAST_HURT))
    return False


def round38j_service(service: Service | None, hits: list[Hit], ws: list[str]) -> Service | None:
    """Hornets that stung someone now down, a flame, a battery or a machine that hurt someone:
    115; a nail gun shot by accident: 115 (module docstring)."""
    if service == "113" and (own := _owned(hits, "113", "j38_nail_shot")):
        first = min(own, key=lambda h: h.start)
        return (
            "115" if J38_SLIP.intersection(ws[max(0, first.start - 3) : first.start]) else service
        )
    if service != "114":
        return service
    if _rescue_115(hits, ws):
        return "115"
    alive = [h for h in hits if not h.negated]
    rescue = [h for h in alive if h.entry.alarm == "114"]
    if not rescue or not all(J38_HORNETS in h.entry.tags for h in rescue):
        return service
    after = min(h.end for h in rescue)
    if find(ws[after:], J38_STILL_UP):
        return service
    down = any(
        h.entry.alarm == "115" and h.start >= after and J38_DOWN.intersection(ws[h.start : h.end])
        for h in alive
    )
    return "115" if down else service
