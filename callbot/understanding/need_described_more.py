"""More emergencies callers describe without naming them (round 6 of issue 13; read by
:mod:`.need_lexicon`).

The fifth development part was written by someone who never read the parsers. The classes of
speech it showed, each covered in several wordings, regions and recognition damages, not by
its sentences (what the fields mean: :mod:`.need_lexicon`):

- **Strangled or beaten about the head now** (113): "bóp cổ" as Vosk writes it ("bốp cổ",
  "bốp họng"), "xiết cổ"; a blow rained on someone ("đập túi bụi", "đập tới tấp", "đập vô
  đầu"), or struck with what is at hand ("nón bảo hiểm", "cục gạch", "chai bia": the
  ``blunt`` + ``act`` combination); someone chasing the caller ("đang đuổi theo tui").
- **A struggle** ("vùng vẫy"): in the water it is a drowning (114: with a ``water_body`` or
  a flood named), dragged or carried off it is an abduction (113: with ``seize``,
  ``carry_off`` or ``away``); alone it decides nothing.
- **Rescuers who broke in** ("tôi phá cửa vào thì thấy...", "đạp cửa vô cứu"): a door
  broken to reach someone who is then seen or saved is no break-in (the longest match keeps
  "phá cửa" out of the 113 words).
- **A severe allergy said the other way round** (115): "môi sưng lên", "lưỡi sưng", "mặt
  sưng phù" (the lexicon has "sưng môi"); after a food or a sting known to do it, swollen
  eyes or hives all over ("ăn đậu phộng ... mắt híp lại": ``allergen`` + ``swollen``).
- **Unconscious, said the central or southern way** (115): "nằm mê không biết chi", "lịm
  dần", "nói lấp bấp không ra chữ"; "kêu hoài hổng giậy" (Vosk's "giậy" for "dậy": the
  ``rouse`` + ``unanswered`` combination of :mod:`.need_emergency`).
- **Wild food poisoning** (115): mushrooms picked, puffer fish, toad ("ăn nấm hái trên rẫy
  ... ói liên tục": ``wild_food`` + ``sick``).
- **A flood with someone nobody can carry** (114): "nước tới mép giường ... không khiêng
  nổi" (``flood`` + ``cannot_carry``).
- Look-alikes: a building "sắp sập" (about to collapse, nobody in it said) is a hazard to
  report, not a collapse; "vùng vẫy" of a fish or a child at play decides nothing alone.
"""

from __future__ import annotations

from callbot.understanding.need_base import Combo, Entry, each, entry

_ME = ("tôi", "tui", "tao", "mình")
_BROKE_IN = (
    "phá cửa",
    "phá cửa vào",
    "phá cửa vô",
    "đạp cửa",
    "đạp cửa vào",
    "đạp cửa vô",
    "phá khóa",
    "phá khóa vô",
    "phá khóa vào",
    "cạy cửa vô",
    "cạy cửa vào",
)

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
DESCRIBED_MORE_ENTRIES: tuple[Entry, ...] = (
    entry("violation", "emergency", 5, """
        bốp cổ, bốp họng, bóp cổ họng, xiết cổ, siết họng, xiết họng, bóp nghẹt cổ,
        đập túi bụi, đập tới tấp, đập lia lịa, đập vô đầu, đập vào đầu, đập vô mặt,
        đập vào mặt, đánh vô đầu, đánh vào đầu, đánh vô mặt, nện vô đầu, phang vô đầu,
        đấm vô mặt, đấm vào mặt, đá vô đầu, đá vào đầu, đạp vô đầu, đạp vào đầu
        """, service="113", tags="violence", fold="tone"),
    # Chasing the caller: a victim's words (113 unless a medical emergency is said).
    entry("violation", "emergency", 5, each((*_ME, "em", "con", "cháu"),
        "đuổi theo {}", "rượt {}", "đang rượt {}", "đang đuổi {}") + """,
        đang đuổi theo, đang rượt theo, còn đuổi theo
        """, service="113", tags="violence victim", fold="tone"),
    entry(None, "normal", 0, """
        nón bảo hiểm, mũ bảo hiểm, cục gạch, viên gạch, chai bia, vỏ chai, cái ghế, ghế nhựa,
        ghế sắt, cục đá, khúc cây, cây gỗ, thanh sắt
        """, tags="blunt"),
    entry(None, "normal", 0, """
        vùng vẫy, giãy giụa, dãy dụa, giẫy giụa, giãy đành đạch, ngoi ngóp, ngoi ngoi ngóp ngóp,
        ngóc lên ngóc xuống, hụp lên hụp xuống, ngụp lên ngụp xuống, trồi lên hụp xuống,
        chìm lên chìm xuống
        """, tags="struggle"),
    # A door broken to reach someone, who is then seen or saved ("phá cửa vào thì thấy"):
    # no break-in.
    entry(None, "normal", 0, each(_BROKE_IN, "{} thì thấy", "{} thấy", "{} coi", "{} xem",
        "{} cứu", "{} mới thấy", "{} ra thì thấy")),
    entry("medical", "emergency", 5, """
        môi sưng, môi sưng lên, môi sưng vù, môi sưng to, môi sưng phù, lưỡi sưng,
        lưỡi sưng lên, họng sưng lên, cổ họng sưng, mặt sưng phù, sưng phù mặt, mặt phù lên,
        nằm mê không biết, nằm mê {k} biết gì, nằm mê {k} biết chi, mê {k} biết gì,
        mê {k} biết chi, mê {k} hay biết, nằm {k} biết gì nữa, nằm {k} biết chi nữa,
        nằm đó {k} biết gì, nằm đó {k} biết chi, mê man {k} biết,
        lịm dần, lịm luôn, lịm người, lịm mất, nói lấp bấp, nói lắp bấp, nói {k} ra chữ,
        nói {k} thành tiếng, nói {k} thành lời
        """, service="115", tags="sick", fold="tone"),
    entry(None, "normal", 0, """
        đậu phộng, lạc, tôm, cua, ghẹ, hải sản, nhộng, ong đốt, ong chích, bị ong đốt,
        thuốc kháng sinh, mủ trôm
        """, tags="allergen"),
    entry(None, "normal", 0, """
        mắt híp, mắt híp lại, híp mắt, sưng híp, mắt sưng húp, sưng húp, sưng vù,
        mặt sưng, nổi mề đay khắp người, mề đay khắp người
        """, tags="swollen"),
    entry(None, "normal", 0, "{k} giậy, kêu {k} giậy, gọi {k} giậy, lay {k} giậy",
          tags="unanswered"),
    entry(None, "normal", 0, """
        ăn nấm, nấm hái, hái nấm, nấm rừng, nấm lạ, nấm dại, nấm mọc, cá nóc, ăn cóc,
        thịt cóc, trứng cóc, lá ngón
        """, tags="wild_food"),
    entry(None, "normal", 0, each(("khiêng", "bế", "cõng", "dìu", "đỡ", "ẵm", "đưa"),
        "{{k}} {} nổi", "{{k}} {} được", "{{k}} {} ra nổi", "{{k}} {} ra được", "{} {{k}} nổi")
        + ", {k} tự di chuyển, {k} tự di chuyển được",
        tags="cannot_carry"),
    entry(None, "normal", 0, """
        nước tới giường, nước tới mép giường, tới mép giường, ngập tới giường,
        nước lên tới giường, ngập giường, nước tràn bờ bao, tràn bờ bao, vỡ bờ bao,
        bể bờ bao, nước vô nhà, nước vào nhà, nước tràn vào nhà
        """, tags="flood"),
    # Shut in by oneself ("chị tôi nhốt mình trong nhà tắm"): no confinement by another.
    entry(None, "normal", 0, """
        nhốt mình, tự nhốt, tự nhốt mình, nhốt mình trong, tự nhốt trong, khóa mình trong,
        tự khóa mình
        """),
    # About to collapse: a hazard to report (nobody said to be in it: need_time).
    entry(None, "normal", 0, """
        sắp sập, gần sập, muốn sập, có thể sập, chực sập, sắp sụp, sắp đổ, sắp sập tới nơi,
        nguy cơ sập
        """, tags="hazard"),
)

_WATER = frozenset({"water"})
DESCRIBED_MORE_COMBOS: tuple[Combo, ...] = (
    Combo(("blunt", "act"), "violation", "emergency", 5, window=1, ordered=True,
          service="113"),
    Combo(("water_body", "struggle"), "other", "emergency", 5, window=8, service="114",
          gives=_WATER),
    Combo(("flood", "struggle"), "other", "emergency", 5, window=8, service="114",
          gives=_WATER),
    Combo(("seize", "struggle"), "violation", "emergency", 5, window=8, service="113"),
    Combo(("carry_off", "struggle"), "violation", "emergency", 5, window=8, service="113"),
    Combo(("away", "struggle"), "violation", "emergency", 5, window=4, service="113"),
    Combo(("allergen", "swollen"), "medical", "emergency", 5, window=8, ordered=True,
          service="115"),
    Combo(("wild_food", "sick"), "medical", "emergency", 5, window=8, ordered=True,
          service="115"),
    Combo(("flood", "cannot_carry"), "other", "emergency", 5, window=None, service="114",
          gives=frozenset({"stuck"})),
)
# fmt: on
