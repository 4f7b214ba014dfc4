"""Round 38J of issue 13 (writer J of session 19: short southern lines, daytime scenes outside
the home: building sites, factories, markets, fields, rivers, roads, with mirrors).

115, entries (:data:`J38_ENTRIES`):

- **A flame that licks someone is no fire to put out** ("bị lửa lò nung táp vô phỏng hết nửa
  người", "bình cồn bắn lửa phỏng mặt"): a person hit ("bị") by the flame of a kiln, a forge
  or a stove, or a burner spitting flame, is the burn's cause (round 27Q's ``q27_flash``,
  "bị lửa táp", said of more flames); the burn is 115. A kiln's fire licking a roof ("bốc
  lửa táp qua mái nhà bên") or spreading ("lò gạch cháy lan") is 114.
- **A battery that burst** ("bình ắc quy nổ văng axit vô mắt"): no blast for 114; the acid
  or the wound decides (115). Nobody hurt is calm; a battery bursting into a fire ("... nổ
  cháy luôn cái tiệm") is 114 by the fire.
- **Something driven into the trunk** ("miểng kính ghim vô bụng", "thanh sắt găm vào
  ngực"); a pin in a shirt ("ghim vô áo") is no wound.
- **Run over a foot or a hand** ("xe xúc cán lên bàn chân", "cán nát bàn tay"), round 22C's
  run-overs said of the whole foot, the calf, the shin.
- **Cut through a limb** ("dây tời quấn đứt ngang bắp chân", "đứt ngang cổ tay"); a rope or a
  wire cut ("dây điện đứt ngang đường") names no body and stays calm.
- **A limb caught in a machine** ("tay bị cuốn vô máy trộn bê tông dập nát"): a machine's,
  not the water's "bị cuốn" (114); what it did to the limb decides (115, round 32V's
  ``v32_caught``); **still caught** ("... còn kẹt gỡ hổng ra") it is 114, to free it; a rope
  caught in a machine ("sợi dây bị cuốn vô máy trộn") is calm.
- **Blood in a pool** ("máu lênh láng", "máu chảy lênh láng"); red paint spilt ("sơn đỏ đổ
  lênh láng") stays calm.
- **A nail through the foot** ("đạp trúng cây đinh xuyên qua bàn chân").
- **A nail gun is a tool** ("súng bắn đinh bắn xuyên qua đùi"): its "bắn" is no shooting
  (113), round 28B's ``b28_nailer``.
- **Trembling with a cold sweat**, said together ("run lẩy bẩy mồ hôi lạnh", a diabetic's low
  sugar, a shock): trembling from the cold alone ("lạnh quá run lẩy bẩy") stays calm.
- **A shock, then "tụi"** ("thợ điện bị giựt tụi tui cúp cầu dao"): no "giựt túi" (113), as
  round 27P's "điện giựt tụi".

115, signs read together (:data:`J38_COMBOS`): **a tearing bite, then the biter gone** ("chó
dữ cắn rách bắp chân con chó chạy mất rồi"): the dog named after the bite is no patient (the
lexicon reads an emergency right before an animal as the animal's); "con chó chạy mất rồi"
alone (a lost dog) stays calm.

114:

- **A cobra with its hood spread come in** ("con rắn hổ mang bành bò vô lớp học"), round
  29C's venomous snakes; **children crying while it goes on** ("tụi nhỏ đang la khóc"),
  round 27Q's ``q27_cry`` with "đang" said. Come in and gone again earlier is past: calm.
- **A flooded underpass and someone who cannot get out** ("hầm chui ngập nước ... người
  trong xe hông ra được"); a jam in a flooded underpass ("xe cộ kẹt cứng đi hông được") is
  calm.

113:

- **People chased** ("rượt người ta", "rượt đánh người ta") by someone with a weapon, a
  stranger or a drunk ("có thằng say rượu cầm dao đâm heo rượt người ta chạy quanh chợ"): a
  butcher's knife ("cầm dao đâm heo ngoài lò mổ") and children playing tag ("chơi rượt
  bắt") stay calm ("rượt chém" is the lexicon's own 113). Said exactly: toneless, "đuổi đâm"
  was read in a stingray's sting ("cá đuối đâm") and is left out.
- **A pervert holding someone** ("thằng biến thái đang giữ con nhỏ trong nhà vệ sinh",
  round 24G's holding, also "giữ chặt", "ôm chặt"); a film called so ("phim biến thái") is
  calm.

Service (:func:`round38j_service`): **hornets that stung someone who collapsed** ("ong vò vẽ
bay ra đốt ... có đứa xỉu rồi", "... giờ bả khó thở") are 115: the one down is the
emergency; a swarm stinging with nobody down stays 114.

Calm look-alikes: bathing in the river by habit ("hay nhảy sông tắm"), no jump from a boat;
one who sinks while bathing ("... có đứa chìm luôn") is still 114.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import Combo, Entry, Service, entry, pairings, signs_together

if TYPE_CHECKING:  # need_match reads the lexicon, which reads this module
    from callbot.understanding.need_match import Hit

__all__ = ["J38_COMBOS", "J38_ENTRIES", "round38j_service"]

# -- 115 ---------------------------------------------------------------------------------------
# a flame on someone ("bị lửa lò nung táp vô"), not a fire: only said of a person hit by it
# ("bị"), or of a burner spitting it; a kiln's fire licking a roof ("lửa táp qua mái lá nhà
# bên") is a fire
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
    ắc quy bị nổ, bình ắc quy nổ tung, bình ắc quy bể
"""
# ("cổ" left out: "ghim vô cổ áo" pins a collar)
# (the eye is round 27M's ``m27_eye``: "găm vô mắt")
_TRUNK = ("bụng", "ngực", "lưng", "đầu", "bả vai", "hông", "đùi")
_PINNED = pairings(("ghim vô", "ghim vào", "ghim dô", "găm vô", "găm vào", "găm dô"), _TRUNK)
_FOOT = ("bàn chân", "bàn tay", "cẳng chân", "bắp chân", "ống chân", "cổ chân", "bàn chưn")
_RUN_OVER = pairings(("cán lên", "cán qua", "cán nát", "cán dập", "cán trúng", "cán ngang"), _FOOT)
# (a bare "chân" is also a pole's: "dây cáp đứt ngang chân cột")
_LIMB = (*_FOOT, "cổ tay", "cánh tay", "đùi", "ngón tay", "ngón chân", "giò")
_CUT_THROUGH = pairings(("đứt ngang", "quấn đứt", "quấn đứt ngang", "cắt đứt ngang"), _LIMB)
_CAUGHT = pairings(
    ("bị cuốn vô", "bị cuốn vào", "bị cuốn dô", "bị kéo vô", "bị quấn vô"),
    ("máy", "máy trộn", "máy xay", "máy cày", "máy tuốt", "trục", "trục quay", "băng chuyền",
     "bánh răng", "dây curoa"),
)  # fmt: skip
_POOL = "máu lênh láng, máu chảy lênh láng, máu ra lênh láng, máu me lênh láng"
_NAIL_THROUGH = pairings(("xuyên qua", "đâm xuyên", "xuyên thủng"), _FOOT)
_NAILER = "súng bắn đinh bắn, máy bắn đinh bắn, súng bắn đinh nó bắn"
_SHAKE_SWEAT = (
    pairings(
        ("run lẩy bẩy", "run bần bật", "run cầm cập", "người run rẩy"),
        ("mồ hôi lạnh", "ra mồ hôi lạnh", "đổ mồ hôi lạnh", "toát mồ hôi lạnh", "vã mồ hôi lạnh"),
    )
    + ", "
    + pairings(
        ("mồ hôi lạnh", "ra mồ hôi lạnh", "đổ mồ hôi lạnh", "toát mồ hôi lạnh", "vã mồ hôi lạnh"),
        ("run lẩy bẩy", "run bần bật", "run cầm cập", "người run rẩy"),
    )
)
# the biter gone after a tearing bite ("cắn rách bắp chân con chó chạy mất rồi")
_BITER_GONE = pairings(
    ("con chó", "con chó dữ", "con chó đó", "con chó điên", "con khỉ"),
    ("chạy mất", "chạy mất rồi", "chạy đi mất", "chạy mất tiêu"),
)
# bathing in the river is no jump from a boat ("hay nhảy sông tắm")
_SWIM = pairings(
    ("nhảy sông", "nhảy xuống sông", "nhảy kênh", "nhảy xuống kênh", "nhảy rạch",
     "nhảy xuống rạch", "nhảy ao", "nhảy xuống ao"),
    ("tắm", "bơi", "tắm mát", "bơi lội"),
)  # fmt: skip

# -- 114 ---------------------------------------------------------------------------------------
_COBRA = pairings(
    ("rắn hổ mang bành", "con rắn hổ mang bành", "hổ mang bành", "con hổ mang bành"),
    ("bò vô", "bò dô", "bò vào", "chui vô", "chui dô", "chui vào", "trườn vô"),
)
_CRY = pairings(
    ("tụi nhỏ", "con nít", "học sinh", "mấy đứa nhỏ", "bọn trẻ", "tụi học sinh"),
    ("đang la khóc", "đang khóc thét", "đang la hét", "đang khóc la", "la khóc om sòm"),
)
_FLOODED = """
    hầm chui ngập, hầm chui ngập nước, hầm chui bị ngập, hầm chui ngập sâu,
    nước ngập tới cửa xe, nước ngập nửa xe, nước ngập gần nóc xe, nước tràn vô xe
"""

# -- 113 ---------------------------------------------------------------------------------------
_CHASE = """
    rượt người ta, rượt mọi người, rượt theo người ta, rượt bà con, rượt đánh người ta
"""
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
    entry(None, "normal", 0, _FLASH, tags="j38_flash q27_flash", fold="tone"),
    entry(None, "normal", 0, _BATTERY, tags="j38_battery", fold="tone"),
    entry("medical", "emergency", 5, _PINNED, tags="sick wound j38_pinned", fold="tone",
          service="115"),
    entry("medical", "emergency", 3, _RUN_OVER, tags="sick wound", fold="tone", service="115"),
    entry("medical", "emergency", 5, _CUT_THROUGH, tags="sick wound j38_cut", fold="tone",
          service="115"),
    entry(None, "normal", 0, _CAUGHT, tags="v32_caught j38_caught", fold="tone"),
    entry("medical", "emergency", 5, _POOL, tags="sick j38_pool", fold="tone", service="115"),
    entry("medical", "emergency", 5, _NAIL_THROUGH, tags="sick wound", fold="tone",
          service="115"),
    entry(None, "normal", 0, _NAILER, tags="b28_nailer", fold="tone"),
    entry("medical", "emergency", 5, _SHAKE_SWEAT, tags="sick j38_shake_sweat", fold="tone",
          service="115"),
    entry(None, "normal", 0, _BITER_GONE, tags="away j38_biter_gone", fold="tone"),
    entry(None, "normal", 0, _SWIM, tags="j38_swim", fold="tone"),
    entry("other", "emergency", 5, _COBRA, tags="c29_snake", fold="tone", service="114"),
    entry(None, "normal", 0, _CRY, tags="q27_cry", fold="tone"),
    entry(None, "normal", 0, _FLOODED, tags="j38_flooded", fold="tone"),
    entry(None, "normal", 0, _CHASE, tags="j38_chase", fold="exact"),
    entry(None, "normal", 0, _PERVERT, tags="j38_pervert stranger", fold="tone"),
    entry(None, "normal", 0, _HELD_TIGHT, tags="g24_holding", fold="tone"),
    entry("medical", "emergency", 5, _SHOCK_US, tags="sick", fold="tone", service="115"),
)
J38_COMBOS: tuple[Combo, ...] = (
    signs_together("n30_tearing", "j38_biter_gone", 4, ordered=True),
    *(Combo(("j38_flooded", t), "other", "emergency", 5, window=14, ordered=True,
            service="114", gives=frozenset({"stuck"})) for t in ("cannot_leave",)),
    # a limb still caught in the machine: 114 to free it ("còn kẹt gỡ hổng ra")
    Combo(("j38_caught", "c29_still_caught"), "other", "emergency", 5, window=10, ordered=True,
          service="114", gives=frozenset({"stuck"})),
    *(Combo((w, "j38_chase"), "violation", "emergency", 5, window=8, ordered=True,
            service="113", gives=frozenset({"violence"}))
      for w in ("violence", "weapon", "stranger", "drink")),
    Combo(("j38_pervert", "g24_holding"), "violation", "emergency", 5, window=6, ordered=True,
          service="113", gives=frozenset({"violence"})),
)
# fmt: on

# -- service -----------------------------------------------------------------------------------
J38_HORNETS = "c29_hornets"
# someone down after the stings: fainted, blacked out, turning blue, short of breath
J38_DOWN = frozenset({"xỉu", "ngất", "lịm", "tím", "thở"})


def round38j_service(service: Service | None, hits: list[Hit], ws: list[str]) -> Service | None:
    """Hornets that stung someone now down: 115 (module docstring)."""
    if service != "114":
        return service
    alive = [h for h in hits if not h.negated]
    rescue = [h for h in alive if h.entry.alarm == "114"]
    if not rescue or not all(J38_HORNETS in h.entry.tags for h in rescue):
        return service
    after = min(h.end for h in rescue)
    down = any(
        h.entry.alarm == "115" and h.start >= after and J38_DOWN.intersection(ws[h.start : h.end])
        for h in alive
    )
    return "115" if down else service
