"""Round 29C of issue 13 (session 15's writer M, bystanders calling about a stranger in a
public place, and writer K, the locked part's short register through a weak recogniser):
scenes the rules had only as parts, and a recogniser's slips in the words that carry them.

K's slips are read where a recogniser really makes them: "dô" for "vô" (d/v), "chộm" for
"trộm" and "chời" for "trời" (ch/tr), "đức" for "đứt" (final c/t), "sưng" for "xưng" (s/x),
"đao" for "đau"; each is written into a phrase long enough that it is no other word.

115:

- **Lying there, alive or not** ("có người nằm sát bờ tường hổng biết còn sống không"):
  lying (round 23E's ``e23_lying`` or :data:`_LYING`) with the caller unsure the person
  lives, within 14 words.
- **Lying and bleeding from the head** ("ông đó nằm giữa lề đầu có máu"): a head said
  bloody (also "đầu chải máu", a slip of "chảy") with someone lying.
- **Swollen lips or eyes and a wheeze** ("ăn ốc xong sưng môi thở rít"): an allergy closing
  the airway.
- **A finger nearly cut off** ("dao chặt gần lìa ngón tay", "đứt gần lìa").
- **Pain in the chest spreading to the arm**, said "đao" ("đao ngực trái lan ra cánh tay").
- **Weedkiller drunk by mistake** ("uống nhằm thuốc diệt cỏ", "uống nhầm thuốc trừ sâu").
- **Crushed, then freed** ("bị bao xi măng đè ... kéo ra rồi mà chân nát"): the one who was
  under it needs an ambulance now, not a rescue (:func:`round29c_service`).

114:

- **A venomous snake come in** ("con rắn hổ mang bò dô phòng ngủ", "rắn độc chui vô chòi").
- **A roller shutter caught on a body** ("cửa cuốn ... kẹp ngang bụng thằng nhỏ"): the
  shutter and the catch within 8 words.
- **Hair caught in a machine and still caught** ("tóc bị cuốn vô máy xay còn kẹt").
- **A power line down into flood water** ("dây điện đức rớt xuống chỗ nước ngập").
- **Up a pole and will not come down**, said further apart (12 words).
- **A pack of dogs closing in on children** ("bầy chó hoang đang vây mấy đứa nhỏ", "dây").
- **Hornets flying out and stinging** ("ong vò vẽ bay ra chích", "tổ ong dò dẽ").
- **A vehicle on fire**, said "bốc chấy".
- **On the roof of a block of flats and wanting to jump** ("nốc chun cư đòi nhảy xuống").

113:

- **Dragged off into a dark place** ("tụi nó lôi con nhỏ vô hẻm"): dragging a person, then
  an alley, a bush or a dark corner, within 4 words; pulling a cart into an alley is none.
- **Groping a girl** ("đang sờ soạn con nhỏ", "sàm sỡ học sinh").
- **Stealing now** ("đang cắt chộm dây điện", "đang đập kiến xe").
- **Kicking someone on the ground** ("đang đá công nhân nằm dưới đất").
- **Sneaked into the house and still there** ("lẻn dô nhà ... còn ở dưới lầu").
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from callbot.understanding.need_base import Combo, Entry, Service, entry, pairings
from callbot.understanding.need_time_marks import find
from callbot.understanding.need_time_words import phrases

if TYPE_CHECKING:
    from callbot.understanding.need_match import Hit

_ALIVE_UNSURE = pairings(
    ("{k} biết", "{k} biết là", "{k} rõ"),
    (
        "còn sống không",
        "còn sống hông",
        "còn sống hổng",
        "còn sống hay chết",
        "sống chết sao",
        "còn thở không",
        "còn thở hông",
        "sống hay chết",
    ),
)
_LYING = """
    nằm cạnh, nằm sát, nằm kế, nằm bên cạnh, nằm dưới gốc, nằm sấp, nằm ngửa
"""
_HEAD_BLOOD = pairings(
    ("đầu", "mặt", "người"),
    ("có máu", "chải máu", "chải máu quá", "chải máu nhiều"),
)
_SWOLLEN = "sưng hết môi, sưng hết môi mắt, sưng môi mắt, sưng mắt môi, sưng hết mắt môi"
_NEAR_OFF = """
    gần lìa, đứt gần lìa, muốn lìa, lìa ngón tay, lìa ngón chân, lìa bàn tay, gần lìa ngón,
    gần đứt lìa, lìa luôn ngón
"""
_CHEST_ARM = pairings(
    ("đao ngực", "đao ngực trái", "đau ngực trái", "đao tức ngực"),
    ("lan ra cánh tay", "lan ra tay", "lan xuống tay", "lan qua tay"),
)
# drunk by mistake, then round 29B's poison (``b29_poison``: "thuốc cỏ", "thuốc sâu"...), so
# that a sign said after a past marker is still read at the sign (29B's combos)
_DRANK = "uống nhằm, nốc nhầm, nốc nhằm"  # ("lỡ uống" would cut "uống hết nửa chai")
_MORE_POISONS = "thuốc rầy, thuốc diệt rầy"
_SNAKE_IN = pairings(
    ("rắn hổ mang", "con rắn hổ mang", "rắn độc", "con rắn độc", "rắn lục", "con rắn lục",
     "hổ mang chúa", "rắn cạp nong", "rắn cạp nia"),
    ("bò vô", "bò dô", "bò vào", "chui vô", "chui dô", "chui vào", "trườn vô", "bò lên"),
)  # fmt: skip
_HAIR_IN = pairings(
    ("quấn tóc", "cuốn tóc", "tóc bị quấn", "tóc bị cuốn", "tóc cuốn", "tóc quấn"),
    ("vô máy", "vào máy", "dô máy", "vô trục", "vô motor", "vô mô tơ"),
)
_STILL_CAUGHT = "gỡ không ra, gỡ hổng ra, gỡ không được, gỡ hổng được"
_WIRE_DOWN = "dây điện đức, dây điện đức rớt, dây điện đức rớt xuống, dây điện bị đức"
_FLOOD_WATER = "chỗ nước ngập, vô nước ngập, vũng nước ngập"
_DOG_PACK = pairings(("bầy chó", "đám chó", "bầy chó hoang", "bầy chó hoan", "đàn chó"),
                     ("đang vây", "đang dây", "vây", "bu lại cắn", "xúm lại cắn"))  # fmt: skip
_HORNETS = pairings(
    ("ong vò vẽ", "ong dò dẽ", "ong dò vẽ", "ong vò dẽ", "ong bắp cày", "ong độc"),
    ("bay ra chích", "bay ra đốt", "chích mấy đứa", "đốt mấy đứa"),
)
_ON_FIRE = "bốc chấy, đang bốc chấy, xe bốc chấy, chấy rụi"
_ROOF = "nốc chun cư, nóc chung cư, sân thượng chung cư, nốc chung cư, nóc chun cư"
_NEST = "tổ ong dò dẽ, tổ ong vò dẽ, tổ ong dò vẽ, tổ ong bắp cày, tổ ong độc"
_STING_OUT = "bay ra chích, bay ra đốt, bu ra chích, bay ra chích mấy đứa nhỏ"
_DRAGGING = pairings(
    ("lôi", "lôi xềnh xệch"),
    ("một cô gái", "cô gái", "con nhỏ", "một chị", "cô bé", "một đứa nhỏ", "đứa nhỏ", "bé gái",
     "con bé", "một người", "người phụ nữ", "một bà"),
)  # fmt: skip
_HIDDEN = """
    vô hẻm, vào hẻm, dô hẻm, vô hẻm tối, vô chỗ tối, vô góc tối, vô nhà hoang, vô gầm cầu
"""
_GROPING = pairings(
    ("sờ soạng", "sờ soạn", "đang sờ soạng", "đang sờ soạn", "sàm sỡ", "đang sàm sỡ"),
    ("học sinh", "học xinh", "con nhỏ", "em gái", "cô gái", "bé gái", "con bé", "một bé",
     "đứa nhỏ", "con nít", "một chị", "mấy chị"),
)  # fmt: skip
_STEALING = """
    đang cắt chộm, đang cắt trộm, cắt chộm dây điện, đang đập kiến xe, đang đập kính xe,
    đang cạy cửa xe, đang khiên ti vi, đang khiêng ti vi ra, đang khiên đồ ra
"""
_KICKING_DOWN = pairings(
    ("đang đá", "đang đạp", "còn đá", "còn đạp"),
    ("người nằm dưới đất", "công nhân nằm dưới đất", "người ta nằm dưới đất",
     "nằm dưới đất"),
)  # fmt: skip
_SNEAKED = "lẻn dô, lẻn dô nhà, đột nhập dô, đột nhập dô nhà"
_STILL_IN = "còn ở dưới lầu, còn ở trên lầu, còn ở trong nhà, còn ở dưới nhà, còn dưới lầu"


# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
C29_ENTRIES: tuple[Entry, ...] = (
    entry(None, "normal", 0, _ALIVE_UNSURE, tags="c29_alive_unsure", fold="tone"),
    entry(None, "normal", 0, _LYING, tags="c29_lying", fold="tone"),
    entry(None, "normal", 0, _HEAD_BLOOD, tags="c29_head_blood", fold="tone"),
    entry(None, "normal", 0, _SWOLLEN, tags="c29_swollen", fold="tone"),
    entry("medical", "emergency", 5, _NEAR_OFF, tags="sick wound", fold="tone", service="115"),
    entry("medical", "emergency", 5, _CHEST_ARM, tags="sick", fold="tone", service="115"),
    entry(None, "normal", 0, _DRANK, tags="c29_drank", fold="tone"),
    entry(None, "normal", 0, _MORE_POISONS, tags="b29_poison", fold="tone"),
    entry("other", "emergency", 5, _SNAKE_IN, tags="c29_snake", fold="tone", service="114"),
    entry(None, "normal", 0, _HAIR_IN, tags="c29_hair_in", fold="tone"),
    entry(None, "normal", 0, _STILL_CAUGHT, tags="c29_still_caught", fold="tone"),
    entry(None, "normal", 0, _WIRE_DOWN, tags="b28_wire_down", fold="tone"),
    entry(None, "normal", 0, _FLOOD_WATER, tags="b28_wet", fold="tone"),
    entry("other", "emergency", 5, _DOG_PACK, tags="c29_dogs", fold="tone", service="114"),
    entry("other", "emergency", 5, _HORNETS, tags="c29_hornets", fold="tone", service="114"),
    entry("other", "emergency", 5, _ON_FIRE, tags="fire", fold="tone", service="114"),
    entry(None, "normal", 0, _ROOF, tags="c29_roof height", fold="tone"),
    entry(None, "normal", 0, _NEST, tags="c29_nest", fold="tone"),
    entry(None, "normal", 0, _STING_OUT, tags="c29_sting_out", fold="tone"),
    entry(None, "normal", 0, _DRAGGING, tags="c29_dragging", fold="tone"),
    entry(None, "normal", 0, _HIDDEN, tags="c29_hidden", fold="tone"),
    entry("violation", "emergency", 5, _GROPING, tags="violence", fold="tone", service="113"),
    entry("violation", "emergency", 5, _STEALING, tags="crime", fold="tone", service="113"),
    entry("violation", "emergency", 5, _KICKING_DOWN, tags="violence", fold="tone",
          service="113"),
    entry(None, "normal", 0, _SNEAKED, tags="c29_sneaked", fold="tone"),
    entry(None, "normal", 0, _STILL_IN, tags="c29_still_in", fold="tone"),
)


def _sign(a: str, b: str, window: int, service: Service = "115") -> Combo:
    category = {"115": "medical", "114": "other", "113": "violation"}[service]
    return Combo((a, b), category, "emergency", 5, window=window, ordered=True,  # type: ignore[arg-type]
                 service=service)


C29_COMBOS: tuple[Combo, ...] = (
    _sign("c29_drank", "b29_poison", 1),
    _sign("e23_lying", "c29_alive_unsure", 14),
    _sign("c29_lying", "c29_alive_unsure", 14),
    _sign("e23_lying", "c29_head_blood", 10),
    _sign("c29_lying", "c29_head_blood", 10),
    _sign("e23_struck", "c29_head_blood", 8),
    _sign("c29_swollen", "wheeze", 8),
    _sign("swollen", "wheeze", 8),
    _sign("jam", "press", 8, "114"),
    _sign("c29_hair_in", "c29_still_caught", 6, "114"),
    _sign("c29_hair_in", "stuck", 6, "114"),
    _sign("height", "g28_wont_come_down", 12, "114"),
    _sign("c29_nest", "c29_sting_out", 14, "114"),
    _sign("c29_dragging", "c29_hidden", 4, "113"),
    _sign("c29_sneaked", "c29_still_in", 10, "113"),
    _sign("c29_sneaked", "perpetrator", 10, "113"),
)
# fmt: on

# -- crushed, then freed ---------------------------------------------------------------------
C29_FREED = phrases("""
    ra rồi, khiêng ra rồi, nhấc ra rồi, kéo ra rồi, lôi ra rồi, cứu ra rồi, đưa ra rồi,
    kéo ra được rồi, lôi ra được rồi, khiêng ra được rồi, nhấc ra được rồi, cứu ra được rồi
""")
C29_STILL_UNDER = phrases("""
    còn kẹt, còn người, còn một người, còn mấy người, còn ở dưới, còn bên trong, chưa ra,
    còn đè, vẫn còn
""")
C29_FREED_REACH = 8  # from the crush to its "ra rồi"


def round29c_service(service: Service | None, hits: list[Hit], ws: list[str]) -> Service | None:
    """ "bị container đè cẩu nhấc ra rồi chân nát": a crush the caller says is over, with
    nobody still under, is an ambulance's (module docstring)."""
    if service != "114":
        return service
    rescue = [h for h in hits if h.entry.alarm == "114"]
    if not rescue or not all("press" in h.entry.tags for h in rescue):
        return service
    freed = [s for s, _ in find(ws, C29_FREED)]
    last = max(h.end for h in rescue)
    after = [s for s in freed if 0 <= s - last <= C29_FREED_REACH]
    if not after or find(ws[after[0] :], C29_STILL_UNDER):
        return service
    return "115"
