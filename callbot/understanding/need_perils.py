"""Emergencies of the fifth development part's second writer (round 7 of issue 13; read by
:mod:`.need_lexicon`).

Each entry covers a kind of speech, in several wordings and as Vosk damages them, not one
transcript (what the fields mean: :mod:`.need_lexicon`):

- **Seizures that go on or come back** (115), as Vosk writes "co giật" and "giật" ("co dật",
  "co rựt", "lên cơn rựt", "dựt hoài"); a fit said again ("lên cơn ... lần thứ ba": the
  ``fit`` + ``again`` combination) or a fit with no waking between ("lên cơn ... hổng tỉnh
  lại": ``fit`` + ``unanswered``).
- **Buried up to the neck or the chest** (114, not a birth's "ló cái đầu"): "cát lấp tới
  cổ", "đất vùi ngang ngực", "chỉ còn ló cái đầu".
- **Hanging on at a height** (114): "bám một tay", "đu lủng lẳng", someone outside a balcony
  railing ("đứng ngoài lan can"), a height with what holds giving way ("trên giàn giáo ...
  lung lay", "lan can ... sắp sút ra": the ``height`` + ``giving_way`` combination).
- **Adrift or in spilt fuel** (114): "đang trôi theo dòng nước", "xuồng bị lật"; a tanker
  overturned, petrol running over the road ("xe bồn lật", "xăng chảy tràn").
- **Smoke pouring out** (114), also as Vosk writes "khói" ("khỏi ùn ùn", with the pouring
  only: "khỏi" alone is "recovered").
- **Held down and beaten** (113, not a collapse's 114): "đè ra đánh", "ghì xuống đánh",
  "đánh tú bụi"; a gang named ("ba thằng", "tụi nó") makes "đè" an assault (the ``male`` +
  ``press`` combination of :mod:`.need_danger_combos`).
- **Dragged somewhere out of sight** (113): a seizing or carrying off ("lôi", "kéo", "ôm")
  into an empty or secluded place ("nhà hoang", "bụi rậm", "chỗ vắng"): ``secluded``.
- **A ransom heard wrong** ("đòi tiền chuột"), a maiming threatened ("là chặt tay"), a
  stranger climbing over a balcony (113).
- **Look-alikes**: asking a service's number ("số điện thoại của bên cứu hỏa là số mấy"), a
  lying still that was in a film, "đứng trong" (standing in) folded onto "đứng tròng" (the
  eyes fixed: matched exactly).
"""

from __future__ import annotations

from callbot.understanding.need_base import OXY, Combo, Entry, each, entry, pairings

_SERVICES = (
    "cứu hỏa", "chữa cháy", "cấp cứu", "công an", "cảnh sát", "cứu nạn", "cứu thương",
    "xe cứu thương", "xe cứu hỏa", "phòng cháy chữa cháy", "một một bốn", "một một lăm",
    "một một ba",
)  # fmt: skip
_NUMBER_OF = (
    "số", "số của", "số bên", "số của bên", "số điện thoại", "số điện thoại của",
    "số điện thoại bên", "số điện thoại của bên", "số đường dây", "số tổng đài",
)  # fmt: skip

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
PERIL_ENTRIES: tuple[Entry, ...] = (
    # 115: seizures as Vosk writes them.
    entry("medical", "emergency", 5, """
        co dật, co rựt, co rựt rựt, co dật liên tục, lên cơn rựt, lên cơn dựt, lên cơn dật,
        cơn rựt, cơn dựt, cơn dật, rựt liên tục, dựt liên tục, dật liên tục, rựt hoài,
        dựt hoài, dật hoài, rựt {k} ngừng, dựt {k} ngừng, dật {k} ngừng, rựt {k} dứt,
        dựt {k} dứt, dật {k} dứt, rựt cả người, dựt cả người, giật cả tiếng, giật mười phút,
        giật hơn mười phút, giật cả chục phút
        """, tags="sick seizure", fold="exact"),
    entry(None, "normal", 0, "bị lên cơn, mới lên cơn", tags="fit"),
    entry(None, "normal", 0, """
        lần thứ hai, lần thứ ba, lần thứ tư, lần thứ mấy, mấy lần liền, liên tiếp mấy cơn,
        hết cơn này tới cơn khác, cơn này nối cơn kia, ba cơn, bốn cơn, mấy cơn liền
        """, tags="again"),
    entry(None, "normal", 0, """
        giữa mấy cơn {k} tỉnh, giữa các cơn {k} tỉnh, giữa hai cơn {k} tỉnh,
        {k} tỉnh giữa các cơn, {k} tỉnh lại giữa
        """, tags="unanswered"),
    # 114: buried up to the neck, hanging on at a height, adrift, spilt fuel, smoke pouring.
    entry("other", "emergency", 5, """
        lấp tới cổ, lấp tới ngực, lấp ngang ngực, lấp ngang cổ, lấp tới vai, vùi tới cổ,
        vùi tới ngực, vùi ngang ngực, vùi ngang cổ, vùi tới vai, chôn tới cổ, chôn ngang ngực,
        chỉ còn ló cái đầu, còn ló cái đầu, chỉ còn thấy đầu, chỉ còn cái đầu, cát lấp,
        cát vùi, đất lấp, cát đổ trúng, đất đổ trúng, cát đổ lên người, đất đổ lên người,
        cát sụp, hố cát sụp, đất đá lấp
        """, service="114", tags="collapse", fold="tone"),
    entry("other", "emergency", 5, """
        bám một tay, đang bám một tay, đu một tay, treo một tay, chỉ còn bám, bám lủng lẳng,
        đu lủng lẳng, đu người ngoài, đứng ngoài lan can, ngồi ngoài lan can, leo ra ngoài lan can,
        trèo ra ngoài lan can, đu ngoài lan can, đu ngoài ban công, treo ngoài ban công,
        giàn giáo bị gãy, gãy giàn giáo, bị gãy giàn
        """, service="114", tags="trapped", fold="tone"),
    entry(None, "normal", 0, """
        ngoài ban công, trên ban công, tầng mười, tầng mười hai, lầu bốn, lầu năm, lầu sáu,
        trên lầu cao, mép sân thượng, mép mái
        """, tags="height"),
    entry(None, "normal", 0, """
        lung lay, sắp sút, sắp sút ra, muốn sút ra, sắp rớt, sắp rơi, sắp bung, bung ra,
        long ra, sắp gãy, sắp sập, gãy rồi, đang gãy, trượt tay, tuột tay, sắp tuột
        """, tags="giving_way"),
    entry("other", "emergency", 5, """
        đang trôi, đang trôi theo, trôi theo dòng nước, trôi theo dòng, trôi theo nước,
        trôi giữa sông, trôi ra giữa, bị nước cuốn đi, xuồng bị lật, thuyền bị lật, đò bị lật,
        bị lật xuồng, bị lật ghe, ghe chìm, xuồng chìm
        """, service="114", tags="water", fold="tone"),
    entry("other", "emergency", 5, """
        xe bồn lật, xe bồn bị lật, lật xe bồn, xe bòn lật, xe bòn bị lật, xăng chảy tràn,
        xăng tràn ra, xăng tràn, tràn xăng, xăng chảy lênh láng, xăng đổ tràn, xăng chảy đầy,
        dầu chảy tràn, dầu tràn ra đường, xăng tràn ra đường, rò rỉ xăng, xăng rò rỉ
        """, service="114", tags="blast", fold="tone"),
    entry("other", "emergency", 5, """
        khói ùn ùn, khỏi ùn ùn, khói cuồn cuộn, khỏi cuồn cuộn, khói bay ra khe cửa,
        khói ra khe cửa, khỏi ra khe cửa, khói lùa ra, khói tuôn ra, khỏi tuôn ra
        """, service="114", tags="fire smoke", fold="exact"),
    # 113: held down and beaten, dragged out of sight, ransom, a balcony climbed.
    entry("violation", "emergency", 5, """
        đè ra đánh, đè xuống đánh, đè ra đập, đè ra đấm, đè ra đạp, ghì xuống đánh,
        ghì ra đánh, vật ra đánh, vật xuống đánh, đè đầu đánh, nắm đầu đánh, đánh tú bụi,
        đánh tới tấp, đập tú bụi, đấm túi bụi, đấm tú bụi
        """, service="113", tags="violence", fold="exact"),
    entry(None, "normal", 0, """
        ba thằng, hai thằng, bốn thằng, mấy thằng, năm thằng, cả đám, một đám, tụi nó,
        bọn nó, đám thanh niên, mấy đứa
        """, tags="male"),
    entry(None, "normal", 0, """
        nhà hoang, căn nhà hoang, nhà bỏ hoang, nhà trống, căn nhà trống, bụi rậm, bụi cây,
        lùm cây, chỗ vắng, hẻm vắng, bãi đất trống, đất trống, kho bỏ hoang, kho hoang,
        công trình bỏ hoang, nghĩa địa, bãi tha ma, nhà vệ sinh công cộng
        """, tags="secluded"),
    entry(None, "normal", 0, "ôm, ôm chạy, ôm đi, vác đi, xách đi, bồng chạy", tags="carry_off"),
    entry("violation", "emergency", 5, """
        đòi tiền chuột, tiền chuột, là chặt tay, chặt tay nó, chặt ngón tay, dọa chặt tay,
        trèo qua ban công, leo qua ban công, chèo qua ban công
        """, service="113", tags="crime", fold="exact"),
    # Oxygen breathed at home: high, not emergency, when it lasts a while yet ("bình còn
    # chút xíu chắc tới tối là hết": the equipment + lasting demotion of need_lexicon).
    entry("medical", "emergency", 5, each(OXY, "thở {} ở nhà", "thở {} tại nhà"),
          tags="equipment"),
    entry(None, "normal", 0, """
        tới tối là hết, tới sáng là hết, tới mai là hết, tới chiều là hết, còn chút xíu,
        còn chút ít, còn xíu, còn được chút
        """, tags="lasting"),
    # Look-alikes: a service's number asked, "đứng tròng" matched exactly.
    entry(None, "normal", 0, pairings(_NUMBER_OF, _SERVICES)),
    entry("medical", "emergency", 5, "đứng tròng, lên tròng", tags="sick", fold="exact"),
)

PERIL_COMBOS: tuple[Combo, ...] = (
    Combo(("fit", "again"), "medical", "emergency", 5, window=6, ordered=True),
    Combo(("fit", "unanswered"), "medical", "emergency", 5, window=8, ordered=True),
    Combo(("height", "giving_way"), "other", "emergency", 5, window=12, service="114",
          gives=frozenset({"stuck"})),
    Combo(("carry_off", "secluded"), "violation", "emergency", 5, window=4, ordered=True,
          service="113"),
    Combo(("seize", "secluded"), "violation", "emergency", 5, window=4, ordered=True,
          service="113"),
)
# fmt: on
