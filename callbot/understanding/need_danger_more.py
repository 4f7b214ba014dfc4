"""More of the need lexicon's 114 and 113 emergencies: intruders at the door, people shut in.

Read by :mod:`.need_lexicon` with :mod:`.need_danger` (whose docstring says what the fields
mean); the combinations of these tags are in :mod:`.need_danger_combos`.

- An intruder at the door or coming in (113): "vặn nắm cửa", "cạy cửa sổ", "leo cửa sổ
  vô", "trèo qua cổng"; a door tried ("đẩy cửa", "giật cửa", ``door_try``) is one only with a
  prowler or someone alone said with it ("ổng đứng ngoài", "đi theo em", "em ở một mình":
  ``prowler``), not "tui đẩy cửa vô thấy má nằm".
- People shut in (114): a lift stopped between floors ("thang máy đứng giữa tầng", also as
  Vosk writes it: "thang mái"), a child in a closed car ("trong xe hơi ... cửa đóng kín"),
  people on the roof in a flood ("nước lên tới nóc", "ngồi trên mái tôn" with the water
  rising). A lift with nobody inside is no emergency (:mod:`.need_time`, "không có ai ở
  trong").
- A blade waved ("quơ dao", "huơ mã tấu": ``hold`` words of :mod:`.need_danger`).
- Look-alikes: a pothole that swallows a wheel ("sụp bánh"), a thick smoke of incense ("mù
  mịt" is not "mù", blind), a figure of speech ("giết tui luôn đi mà giá rau..."), "giở trò"
  heard as "giờ trò" (it matches exactly only).
"""

from __future__ import annotations

from callbot.understanding.need_base import Entry, entry

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
MORE_DANGER_ENTRIES: tuple[Entry, ...] = (
    entry("violation", "emergency", 5, """
        vặn nắm cửa, vặn tay nắm cửa, vặn tay nắm, vặn ổ khóa, vặn khóa cửa, cạy cửa sổ,
        cại cửa, cại cửa sổ, cạy cổng, leo cửa sổ, trèo cửa sổ, chui cửa sổ, leo qua cổng,
        trèo qua cổng, chèo qua cổng, leo qua rào, trèo qua rào, chèo qua rào, leo qua tường,
        trèo qua tường, chèo qua tường, leo vô nhà, trèo vô nhà, leo vào nhà, trèo vào nhà,
        chèo vô nhà, lẻn vô phòng, phá cửa sổ, nạy cửa, nạy cửa sổ, nạy khóa, nạy cổng,
        leo lên ban công, trèo lên ban công, leo ban công, trèo ban công, quơ dao, huơ dao,
        khua dao, quơ mã tấu,
        huơ mã tấu, quơ rựa, quơ búa
        """, service="113", tags="crime", fold="tone"),
    entry("violation", "emergency", 5, "giở trò", service="113", tags="crime", fold="exact"),
    entry(None, "normal", 0, """
        vặn cửa, đẩy cửa, giật cửa, giựt cửa, dặn cửa, lay cửa, rung cửa, gõ cửa hoài,
        mở cửa hoài, vặn cửa hoài, lay cổng, rung cổng, giật cổng, đẩy cổng, mở khóa cửa,
        mở khóa cổng, đập cổng, lấp ló, nhìn vô nhà, nhìn vào nhà, ngó vô nhà, dòm vô nhà,
        dòm ngó
        """, tags="door_try"),
    entry(None, "normal", 0, """
        đứng ngoài, đứng ngoài cổng, đứng ngoài cửa, đứng trước cửa, đứng trước cổng,
        đứng dưới cổng, đứng dưới cửa, đi theo em, đi theo tui, đi theo tôi, đi theo con,
        bám theo, bám đuôi, lẽo đẽo theo, ở một mình, ở nhà một mình, một mình ở nhà,
        ở có một mình, nhà đâu có ai, nửa đêm có người, có ai đang, người lạ cứ
        """, tags="prowler"),
    entry(None, "normal", 0, "quơ, huơ, khua, múa, quơ quơ", tags="hold"),
    # A stranger taking a child away ("thằng cha lạ nắm tay thằng nhỏ lôi đi": stranger + away).
    entry(None, "normal", 0, """
        thằng cha lạ, ông lạ, bà lạ, người lạ mặt, cha lạ, mụ lạ, con mẹ lạ, người lạ hoắc
        """, tags="stranger"),
    # Stuck up a tree or a roof, afraid to come down ("trèo lên cây không dám xuống").
    entry(None, "normal", 0, """
        {k} dám xuống, {k} dám leo xuống, {k} dám trèo xuống, {k} leo xuống được,
        {k} trèo xuống được, sắp gãy, gãy dần, đang gãy
        """, tags="cannot_leave"),
    # A lift: also as Vosk writes it; stopped between floors (the elevator + stall combination).
    entry(None, "normal", 0, "thang mái, cầu thang máy", tags="stuck elevator"),
    entry(None, "normal", 0, """
        đứng giữa tầng, dừng giữa tầng, kẹt giữa tầng, treo giữa tầng, đứng giữa chừng,
        dừng giữa chừng, đứng im giữa, dừng giữa hai tầng, đứng giữa hai tầng, không chạy,
        đứng luôn
        """, tags="stall"),
    # A child in a closed car (car + closed).
    entry(None, "normal", 0, """
        trong xe hơi, trong ô tô, trong xe ô tô, trong xe con, trên xe hơi, trong xe
        """, tags="car"),
    entry(None, "normal", 0, """
        cửa đóng kín, đóng kín, đóng kín mít, khóa cửa xe, xe khóa, kính đóng kín,
        bỏ quên, để quên, cửa khóa, cửa xe khóa, ngủ quên, khóa trái
        """, tags="closed"),
    # On the roof in a flood ("nước lên tới nóc", "ngồi trên mái tôn": flood + stuck).
    entry("other", "emergency", 5, """
        lên tới nóc, tới nóc nhà, ngập nóc nhà, lên tới mái, nước tới nóc, ngập tới trần,
        ngập gần tới trần, ngập gần nóc, ngập lút nhà, ngập lút đầu, nước tới trần
        """, service="114", tags="trapped", fold="tone"),
    entry(None, "normal", 0, """
        ngồi trên mái, trên mái tôn, leo lên mái, trèo lên mái, leo lên nóc, trèo lên nóc,
        ngồi trên nóc, trên nóc nhà, leo lên sân thượng, trên nóc tủ, leo lên nóc tủ,
        leo lên tủ, đứng trên bàn, leo lên bàn, {k} có ghe, {k} có xuồng,
        {k} có ghe xuồng
        """, tags="stuck"),
    # A door or a wall red hot: a fire behind it ("cánh cửa sắt nóng đỏ": red_hot + wall).
    entry(None, "normal", 0, "nóng đỏ, nóng rực, đỏ rực, nóng ran, nóng hầm hập, nóng bỏng tay",
          tags="red_hot"),
    entry(None, "normal", 0, """
        cánh cửa, cửa sắt, cánh cửa sắt, cửa phòng, cửa nhà, vách, vách tường,
        bức tường, tường nhà, tay nắm cửa, nắm cửa
        """, tags="wall"),
    # Look-alikes.
    entry(None, "normal", 0, """
        báo cháy, máy báo cháy, chuông báo cháy, còi báo cháy, hệ thống báo cháy, đầu báo cháy,
        sụp bánh, bị sụp bánh, lọt bánh, sụp ổ gà, sụp lỗ, té ổ gà, mù mịt, mù trời,
        giết tui luôn đi, giết tôi luôn đi, giết tui luôn, giết tôi luôn, giết tui đi,
        giết tôi đi, giết em luôn đi
        """),
)
# fmt: on
