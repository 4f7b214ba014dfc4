"""Emergencies the seventh development part showed the rules missing (round 11 of issue 13):
speech damaged by an accent or by Vosk, and scenes described without an emergency word
(read by :mod:`.need_match`, :func:`accent_key`, and :mod:`.need_lexicon`, the entries).

**Accent damage, read in general.** Northern and central speakers, and Vosk hearing them,
merge initial consonants the south keeps apart, and the south merges finals: "chộm" for
"trộm" (tr/ch), "nôi lên xe" for "lôi" (l/n), "té xuống xân" for "sân" (s/x), "da máu",
"dơi xuống", "giữ dội" for "ra", "rơi", "dữ" (r/d/gi), "can xăn", "khiên ra", "đáng túi bụi"
for "xăng", "khiêng", "đánh" (final ng/n/nh; not c/t: "tắc thở" is no "tắt thở"). Rather
than list such spellings phrase by phrase, :func:`accent_key` folds each word to its merged
class, tones and vowels kept, and :mod:`.need_match` looks for the emergencies, the
combination parts and the tagged look-alikes (not a need's plain words, not phrases matched
``exact``) so folded, at its lowest level: a phrase of two words or more, so a single word
never swaps its meaning, and only over words no longer phrase was read in.

**Scenes without an emergency word** (what the fields mean: :mod:`.need_lexicon`):

- **Stuck up high and unable to come down** (114): up a coconut tree with cramp ("ôm thân
  cây hổng xuống được"), through a roof ("lọt xuống kẹt nửa người"), hanging from a ledge or a
  loft ("đu trên mép gác không lên không xuống được", "bám đu ngoài mép tường"): a
  ``height`` word (a tree's top, a loft, a roof) with ``cannot_leave`` or ``dangling``.
- **Shut in** (114): a child in an old freezer, locked in a car in the sun; a hand caught
  in an escalator ("kẹt tay vào thang cuốn"); an electrician stuck to a live wire ("dính vô
  dây điện ... run bần bật"); a gas leak with people still inside ("xì khí ... còn nhiều
  người trong đó").
- **At the door now** (113): someone trying the lock or the door ("đang cố mở cửa nhà tôi",
  "cố đẩy cửa vô nhà"), a man at the window demanding to be let in, a follower waiting
  outside ("còn đứng ngoài cửa", "còn đậu chờ ngoài kia"), a man with a knife or a can of
  petrol at the gate threatening ("cầm cây dao đứng trước cổng hăm", "cầm can xăng đòi
  đốt"), a thief in the house or the yard ("đang ở dưới nhà", "đang tháo bánh xe"), a shop
  looted across the street ("kính vỡ ... bê đồ ra xe"), a relative forced at a cash machine.
- **Medical** (115): confusion with sweating, of a diabetic ("nói lảm nhảm không nhận ra
  ai", "lú lẫn gọi không biết ai"), found on the floor answering nothing ("kêu chi cũng
  không biết", "chỉ rên khe khẽ"), vomiting a basin of blood, a fall from a roof with legs
  that will not move.
- **Look-alikes**: a question about a freezer, a tree to be cut, a worker fine on his
  ladder, a salesman at the door: no emergency (what is past, resolved, denied or in a film
  is :mod:`.need_time`'s).
"""

from __future__ import annotations

from callbot.understanding.need_base import Combo, Entry, entry

# Initials the accents merge, longest first: each read as the first of its class.
_INITIALS = (("tr", "ch"), ("gi", "d"), ("r", "d"), ("s", "x"), ("l", "n"))
# Finals the south merges ("xăng"/"xăn", "đánh"/"đáng"); not "c"/"t": "tắc thở" is no "tắt thở".
_FINALS = (("nh", "n"), ("ng", "n"))


# A thing named by its classifier is the thing, not its accent twin: "cái nôi", "xe nôi" is a
# cradle or a pram ("tui mua cái nôi lên xe"), not "lôi lên xe" (a reviewer's probe, round 11).
_THINGS = frozenset({"nôi"})
_CLASSIFIERS = frozenset({"cái", "chiếc", "xe"})


def named_thing(words: list[str], k: int) -> bool:
    """Whether ``words[k]`` is a thing named with its classifier (:data:`_THINGS`)."""
    return words[k] in _THINGS and k > 0 and words[k - 1] in _CLASSIFIERS


def accent_key(word: str) -> str:
    """``word`` with its initial and final consonants folded to the class an accent merges
    them into, tones and vowels kept: "trộm" and "chộm" -> "chộm", "sân" and "xân" -> "xân",
    "xăng" and "xăn" -> "xăn"; "gì" -> "dì" ("gi" read as "d" only before a vowel)."""
    for said, key in _INITIALS:
        if word.startswith(said) and len(word) > len(said):
            word = key + word[len(said) :]
            break
    for said, key in _FINALS:
        if word.endswith(said) and len(word) > len(said) + 1:
            return word[: -len(said)] + key
    return word


# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
MISSED_ACCENT_ENTRIES: tuple[Entry, ...] = (
    # An electric shock said "bị giật": no snatch (113) but a shock (115).
    entry("medical", "emergency", 5, """
        bị giật điện, bị giựt điện, bị điện giựt, bị chạm điện
        """, service="115", tags="sick"),
    entry("violation", "emergency", 5, "bị giật điện thoại, bị giựt điện thoại",
          service="113", tags="crime"),
    # A mild burn: no emergency ("phỏng giầu nhẹ" is "phỏng dầu" heard northern).
    entry("medical", "normal", 3, """
        phỏng dầu nhẹ, bỏng dầu nhẹ, phỏng nước sôi nhẹ, bỏng nước sôi nhẹ, phỏng nhẹ, bỏng nhẹ
        """, tags="mild"),
    # 114: up a tree, a loft or a roof, unable to come down or hanging there.
    entry(None, "normal", 0, """
        trên đọt, trên đọt cây, trên ngọn, lên cây dừa, trèo lên cây dừa, leo lên cây dừa,
        leo cây dừa, trèo cây dừa, ôm thân cây, ôm cứng thân cây, mép gác, trên mép gác,
        lên gác, trên gác, giữa mái, mép tường, ngoài mép tường, mái hiên tầng, mép mái tôn,
        leo lên trụ điện, trèo lên trụ điện, trên xà ngang, leo lên cột điện
        """, tags="height"),
    entry(None, "normal", 0, """
        {k} xuống được, {k} tụt xuống được, {k} leo xuống được, {k} lên {k} xuống được,
        {k} lên {k} xuống, {k} lên được {k} xuống được, xuống {k} được, tụt {k} được,
        sắp tuột tay, sắp rớt, sắp rơi, kẹt nửa người, lọt xuống kẹt
        """, tags="cannot_leave"),
    entry(None, "normal", 0, """
        bám đu, đang đu, đu trên, đu ngoài, treo giữa,
        bám đu ngoài, đang bám đu
        """, tags="dangling"),
    # 114: shut in a freezer or a car in the sun; a hand in an escalator; a live wire; a leak.
    entry(None, "normal", 0, """
        chui vô cái tủ đông, chui vào cái tủ đông, chui vô cái thùng đá, chui vô cái tủ lạnh
        """, tags="enclosure"),
    entry("other", "emergency", 5, """
        khóa mình trong xe, tự khóa mình trong xe, khóa mình trong ô tô, khóa mình trong xe hơi
        """, service="114", tags="trapped"),
    entry(None, "normal", 0, """
        đóng cửa lại, cửa khóa lại, {k} mở cửa ra được, nắp đóng lại, nắp sập lại, mở {k} ra
        """, tags="shut"),
    entry(None, "normal", 0, """
        {k} ai khiêng ra nổi, {k} khiêng ra nổi, {k} ai cõng ra nổi, {k} ai bế ra nổi
        """, tags="cannot_carry"),
    entry("other", "emergency", 5, """
        kẹt tay vào thang cuốn, kẹt tay vô thang cuốn, kẹt chân vào thang cuốn,
        kẹt chân vô thang cuốn, kẹt tay trong thang cuốn, kẹt vô thang cuốn, kẹt vào thang cuốn,
        bị thang cuốn kẹp, kẹt tay vào máy, kẹt tay vô máy, bị máy cuốn tay
        """, service="114", tags="trapped"),
    entry("other", "emergency", 5, """
        dính vô dây điện, dính vào dây điện, dính chặt vô dây điện, dính chặt vào dây điện,
        bị điện hút, điện hút dính, dính điện
        """, service="114", tags="trapped"),
    entry(None, "normal", 0, """
        xì khí, rò khí, xì hơi độc, xì khí độc, bể ống khí
        """, tags="gas"),
    entry(None, "normal", 0, """
        còn nhiều người trong đó, còn người trong đó, còn người bên trong, còn nhiều người bên
        trong, người còn kẹt bên trong, ai cũng ho
        """, tags="inside"),
    # 113: at the door now, trying the lock, demanding to come in, waiting outside.
    entry(None, "normal", 0, """
        cố mở cửa, đang cố mở cửa, cố đẩy cửa, đang cố đẩy cửa, cố phá cửa, đòi mở cửa,
        bắt mở cửa, kêu mở cửa, gõ cửa liên tục, đập cửa liên tục, lạch cạch ở ổ khóa,
        lạch cạch ổ khóa, chiếu đèn vô nhà, chiếu đèn vào nhà
        """, tags="door_try"),
    entry(None, "normal", 0, """
        có người lạ, người đàn ông lạ, ông lạ, có ông lạ, có thằng, có người, tự xưng công an,
        bạn trai cũ, chồng cũ, một ông, một thằng
        """, tags="stranger"),
    entry(None, "normal", 0, """
        còn đứng ngoài cửa, đang đứng ngoài cửa, còn đậu chờ, đang đậu chờ, còn đứng chờ,
        đứng dưới nhà, đang đứng dưới nhà, còn đứng dưới nhà, đứng trước cổng, đứng ngoài cổng,
        đang đứng trước cổng, đứng ngoài cửa phòng, đang đứng ngoài cửa phòng
        """, tags="at_door"),
    entry(None, "normal", 0, """
        theo từ, bám theo, đi theo, chạy xe theo, theo tui, theo em, ép xe
        """, tags="follow"),
    entry(None, "normal", 0, """
        cây dao, khúc cây, cầm khúc cây
        """, tags="weapon"),
    entry(None, "normal", 0, "đòi đốt, nói đốt, là nó đốt, đốt phòng, đốt nhà",
          tags="burn_threat"),
    # 113: a thief at work in the house or the yard; a shop looted; a cash machine forced.
    entry(None, "normal", 0, """
        đang ở dưới nhà, đang ở trong sân, đang trong sân, đang tháo bánh xe, đang tháo,
        mở ngăn kéo, mở tủ, đang ôm, bê đồ ra xe, khiêng đồ ra xe, ôm đồ ra
        """, tags="thief_at_work"),
    entry(None, "normal", 0, "tên trộm", tags="thief"),
    entry("violation", "emergency", 5, """
        ép đưa thẻ, ép rút tiền, bắt rút tiền, ép đưa mật khẩu, kèm sát hai bên, kẹp hai bên
        """, service="113", tags="crime"),
    entry(None, "normal", 0, "kính vỡ, tiếng kính vỡ, kính bể, tiếng kính bể", tags="break_sound"),
    # 115: confusion with sweating; found on the floor answering nothing; blood vomited.
    entry(None, "normal", 0, """
        ra mồ hôi ướt hết, mồ hôi ướt hết, ra mồ hôi ướt, mồ hôi nhễ nhại, run lẩy bẩy
        """, tags="sweat"),
    entry(None, "normal", 0, """
        lú lẫn, {k} biết ai, gọi {k} biết ai, {k} nhận ra ai nữa,
        nói năng lộn xộn
        """, tags="confused"),
    entry("medical", "emergency", 5, """
        kêu chi cũng {k} biết, gọi chi cũng {k} biết, kêu gì cũng {k} biết,
        gọi gì cũng {k} biết, nằm sõng soài, chỉ rên khe khẽ, rên khe khẽ
        """, service="115", tags="sick unresponsive"),
    entry("medical", "emergency", 5, """
        nôn ra cả chậu máu, ói ra cả chậu máu, cả chậu máu, nôn ra cả vũng máu,
        ói ra cả vũng máu, ói ra cả thau máu, nôn ra cả thau máu
        """, service="115", tags="sick"),
    entry(None, "normal", 0, """
        chân {k} cựa được, {k} cựa được, {k} cử động được chân, chân {k} nhúc nhích được
        """, tags="limp"),
)

MISSED_ACCENT_COMBOS: tuple[Combo, ...] = (
    Combo(("height", "dangling"), "other", "emergency", 5, window=8, service="114",
          gives=frozenset({"trapped"})),
    Combo(("gas", "inside"), "other", "emergency", 5, window=20, service="114",
          gives=frozenset({"trapped"})),
    Combo(("stranger", "door_try"), "violation", "emergency", 5, window=14, service="113"),
    Combo(("follow", "at_door"), "violation", "emergency", 5, window=None, ordered=True,
          service="113"),
    Combo(("weapon", "at_door"), "violation", "emergency", 5, window=6, service="113"),
    Combo(("weapon", "burn_threat"), "violation", "emergency", 5, window=8, service="113"),
    Combo(("fuel", "burn_threat"), "violation", "emergency", 5, window=8, service="113"),
    Combo(("thief", "thief_at_work"), "violation", "emergency", 5, window=8, ordered=True,
          service="113"),
    Combo(("break_sound", "thief_at_work"), "violation", "emergency", 5, window=10,
          ordered=True, service="113"),
    Combo(("stranger", "thief_at_work"), "violation", "emergency", 5, window=8, ordered=True,
          service="113"),
    Combo(("sweat", "confused"), "medical", "emergency", 5, window=12, service="115"),
    Combo(("fall", "limp"), "medical", "emergency", 5, window=12, ordered=True, service="115"),
)
# fmt: on
