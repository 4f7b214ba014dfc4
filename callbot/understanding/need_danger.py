"""The need lexicon's emergencies for fire and rescue (114) and for the police (113).

Read by :mod:`.need_lexicon` like the medical ones (:mod:`.need_emergency`, 115); each entry
names its ``service``. :mod:`.need_service` decides which number the caller is told when an
answer holds several.

114, fire and rescue (category ``other``):

- fire: "cháy", "bốc cháy", "lửa bùng lên", "bốc khói", "chập điện", an explosion ("tiếng nổ",
  "nổ bình ga"), a gas leak ("xì ga");
- collapse and burial: "sập", "sụp", "đè trúng", "vùi lấp", "sạt lở", "lún bùn";
- trapped: "kẹt trong", "kẹt trên lầu", "mắc kẹt trong xe", "nhốt trong xe", "không thoát ra
  được", "chưa kéo lên được";
- in the water: "chìm mất", "chới với", "nước lũ cuốn", "lật ghe", and a fall into water
  ("té xuống kênh": the ``fall`` + ``water`` combination). Someone already pulled out ("vớt
  lên", "kéo lên được": ``rescued``) needs 115, not 114.

113, police (category ``violation``): violence going on ("đang đánh", "đánh hội đồng", "rượt
chém"), weapons ("cầm dao", "dí dao", "mã tấu"), threats ("dọa giết", "đe dọa", "dọa đốt
nhà"), theft and robbery under way ("có trộm", "cạy cửa", "đột nhập", "cướp", "khống chế"),
abduction and confinement ("bắt cóc", "bế lên xe chạy mất", "nhốt", "không cho ra"), sexual
violence. A victim's words ("bị đánh", ``victim``) give 113 only when no medical emergency is
said: someone beaten unconscious needs 115 first. A wound ("bị đâm", "bị chém") is medical.

Longer phrases keep lookalikes out: "cháy nắng" (sunburn), "cơm cháy", "bóng đèn bị cháy",
"xe lửa", "nổ máy", "chém gió", "chặt chém", "đang đánh bài", "giết thời gian", "bị trộm" (a
theft reported afterwards: a request, not an emergency), "dọa bỏ nhà đi" (no threat at all).
Figures of speech ("nóng muốn chết", "mệt muốn xỉu") are in :mod:`.need_lexicon`; the
combinations of these entries' tags are in :mod:`.need_danger_combos`.
"""

from __future__ import annotations

from callbot.understanding.need_base import Entry, entry

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
FIRE_RESCUE_ENTRIES: tuple[Entry, ...] = (
    # A plain "cháy" is a burnt-out bulb when a lamp is named (DEMOTIONS).
    # "cháy" and "chảy" (bleeding) differ by a tone only: the fire phrases match exactly.
    entry("other", "emergency", 5, "cháy, bị cháy, cháy rồi", service="114",
          tags="fire plain", fold="exact"),
    entry("other", "emergency", 5, """
        bốc cháy, cháy nhà, cháy lớn, cháy dữ, cháy dữ dội, đang cháy, đang đốt nhà, cháy lan,
        cháy rụi, bùng cháy, cháy bùng, cháy khét, cháy đùng đùng, lửa, ngọn lửa, lửa bùng,
        lửa cháy, lửa lớn, lửa bốc, biển lửa, bén lửa, bắt lửa, hỏa hoạn, hoả hoạn,
        phát hỏa, cháy nổ, phóng hỏa, chập điện, chập cháy, chập mạch, tóe lửa,
        xẹt lửa, nẹt lửa, cứu hỏa, xe cứu hỏa, chữa cháy, một một bốn, một trăm mười bốn
        """, service="114", tags="fire", fold="exact"),
    # Smoke is a fire unless it is that of daily life (smoke_daily: see DEMOTIONS).
    entry("other", "emergency", 5, """
        bốc khói, khói đen, khói mù mịt, khói nghi ngút, khói bốc, khói bốc lên, khói lên,
        khói dày đặc, khói đầy nhà, đầy khói, khói quá trời, khói nhiều lắm, khói tràn,
        ngạt khói, khói, mùi khét
        """, service="114", tags="fire smoke", fold="tone"),
    entry("other", "emergency", 5, """
        nổ, tiếng nổ, vụ nổ, nổ lớn, phát nổ, nổ tung, bị nổ, nổ bình, nổ bình ga, nổ bình gas,
        nổ ga, nổ gas, ga nổ, bình ga nổ, nổ lò, nổ lò hơi, nổ nồi hơi, nổ trạm, nổ biến thế,
        nổ điện, nổ đùng, nổ cái đùng, nổ cái ầm, nổ rồi, gây nổ, rò rỉ ga, rò rỉ gas, rò ga,
        xì ga, xì gas, rò rỉ khí, hở ga, mùi ga, mùi gas, rò rỉ khí độc, rò rỉ hóa chất,
        tràn hóa chất, khí độc, bom xăng
        """, service="114", tags="blast", fold="tone"),
    # A gas leak said in two parts: "ống gas ... bị xì" (the gas + leak combination).
    entry(None, "normal", 0, "ga, gas, khí ga, bình ga, ống ga, ống gas, bình gas", tags="gas"),
    entry(None, "normal", 0, "xì, bị xì, rò, rò rỉ, bị rò, bị hở, nồng nặc", tags="leak"),
    entry("other", "emergency", 5, """
        sập, bị sập, sập nhà, nhà sập, sập mái, sập trần, sập tường, sập giàn giáo, sập cầu,
        đổ sập, sập xuống, sập rồi, sụp, sụp đổ, sụp xuống, sụp rồi, nhà sụp, bị sụp, tường đổ,
        vùi lấp, bị vùi, chôn vùi, đất vùi, vùi, vùi mất, chôn sống, lấp mất,
        bị lấp, sạt lở, lở đất, sụt lún, lún bùn, bị lún, hố tử thần, sạt, sạt xuống, đất sạt,
        đất sụt, sụt xuống, đất lở, lở xuống, đất đá đổ, chỉ còn thấy cái đầu, chỉ còn ló đầu
        """, service="114", tags="collapse", fold="tone"),
    # Pressed under something; a man "đang đè" someone is an assault (the male + press
    # combination quiets the collapse).
    entry("other", "emergency", 5, """
        đè, đè lên, đè trúng, đè bẹp, đè người, đang đè
        """, service="114", tags="collapse press", fold="exact"),
    entry("other", "emergency", 5, "bị đè", service="114", tags="collapse", fold="tone"),
    entry("other", "emergency", 5, """
        kẹt trong, kẹt bên trong, kẹt ở trong, kẹt trên, kẹt ở trên, kẹt dưới, kẹt ở dưới,
        kẹt giữa, kẹt lại trong, kẹt luôn trong, lủng lẳng, treo lủng lẳng,
        mắc kẹt trong, mắc kẹt trên,
        mắc kẹt dưới, kẹt thang máy, thang máy kẹt, thang máy bị kẹt, nhốt trong xe,
        khóa trong xe, kẹt trong xe, treo lơ lửng, {k} thoát ra được, {k} thoát được,
        {k} chạy ra được, chưa chạy ra, {k} ai cứu ra, {k} cứu ra được, {k} kéo ra được,
        ngập tới cổ, ngập tới ngực, ngập tới nóc, ngập nóc
        """, service="114", tags="trapped", fold="tone"),
    entry("other", "emergency", 5, """
        chìm, chìm mất, bị chìm, chìm xuống, chìm nghỉm, đang chìm, chới với,
        lũ cuốn, nước cuốn, bị cuốn, cuốn trôi, bị cuốn trôi, trôi mất, bị trôi, lũ quét,
        lật ghe, ghe lật, ghe bị lật, lật thuyền, thuyền lật, lật xuồng, xuồng lật, chìm ghe,
        chìm tàu, tàu chìm, lật đò, đò lật, lao xuống sông, lao xuống kênh, xe lao xuống,
        té sông, té xuống sông, rớt xuống sông, té xuống ao, rớt xuống ao, té xuống nước,
        rớt xuống nước, té giếng, {k} kéo lên được, {k} vớt được, {k} vớt lên được,
        bơi vật vã, đang vật vã dưới nước,
        {k} thấy lên, {k} thấy nổi lên, kéo không lên, vớt không được
        """, service="114", tags="water", fold="tone"),
    # Pulled out already: a drowning victim out of the water needs 115 (see need_service).
    entry(None, "normal", 0, """
        vớt lên, vớt được, vớt ra, kéo lên, kéo lên được, kéo lên rồi, lôi lên, đưa lên bờ,
        cứu lên, cứu ra, cứu được, được cứu, ẵm lên, đưa ra ngoài
        """, tags="rescued", negatable=True),
    # A fall, and where to (the fall + water combination).
    entry(None, "normal", 0, """
        té, rớt, rơi, ngã, lọt, trượt, trượt chân, lăn, nhảy, lao, té xuống, rớt xuống,
        rơi xuống, ngã xuống, lọt xuống, lao xuống, nhảy xuống, trượt xuống, lật, bị lật
        """, tags="fall"),
    entry(None, "normal", 0, """
        sông, kênh, kinh, rạch, ao, hồ, mương, giếng, biển, hồ bơi, suối, cống, nước, hố,
        hố móng, hầm, bể phốt, bể nước, bể chứa, đầm, vực, sình, bùn, hố ga, sóng, dòng nước,
        nước ròng, nước xoáy, cửa biển
        """, tags="water_body"),
    # Carried away by the water: "nước ròng cuốn ra cửa biển", "nước lũ ... cuốn cái xe".
    entry(None, "normal", 0, """
        cuốn, cuốn đi, cuốn ra, cuốn mất, cuốn theo, cuốn xuống, cuốn luôn
        """, tags="carry"),
    # Lookalikes: sunburn, burnt rice, a burnt-out bulb, trains, engines, smoke of daily life.
    entry(None, "normal", 0, """
        cháy nắng, nắng cháy, cơm cháy, cháy cơm, cháy túi, cháy hàng, cháy vé, cháy da,
        cháy xém, cháy sém, cháy bóng, cháy bóng đèn, bóng đèn cháy, bóng đèn bị cháy,
        bóng bị cháy, đèn bị cháy, đèn cháy, đèn đường cháy, cầu chì cháy, cháy cầu chì,
        xe lửa, tàu lửa, ga xe lửa, đường xe lửa, bếp lửa, nhóm lửa, nhen lửa, lửa trại,
        nóng như lửa, nổ máy, nổ lốp, nổ vỏ, nổ bánh, pháo nổ, nói nổ, bùng nổ, nổ cầu chì,
        nổ tiếng, sập tiệm, sập bẫy, sập nguồn, sập mạng, sập web, sập cửa, sập giá,
        sụp mí, đè giá, chìm đắm, nước mắt, rơi nước mắt, kẹt tiền, xăng bắn, dầu bắn,
        nước bắn, bắn tung tóe, sụt cân, sụt ký, sụt giảm, sạt nghiệp, vùi đầu, vùi dập,
        chìm trong nợ, nổ phổi, muốn nổ phổi, tức nổ phổi, rớt tim, muốn rớt tim,
        rớt tim ra ngoài,
        kẹt trong khu phong tỏa, kẹt trong khu cách ly, kẹt trong khu, trong xe lửa
        """),
    entry(None, "normal", 0, """
        đốt rác, đốt lá, đốt vàng mã, đốt nhang, khói nhang, nướng, lò nướng, hút thuốc,
        khói thuốc, khói xe, khói bụi, xả khói, thải khói, nhà máy, ống khói, khói nhà máy,
        chiên, chiên cá, đang chiên, chiên xào, xào, nấu ăn, nấu nướng, đang nấu, thắp nhang,
        thắp hương, cúng, đang cúng, khói hương, máy báo khói, báo khói, chuông báo khói, xông nhà,
        bồ kết, xông trầm, đốt trầm, khói trầm, nướng khô, nướng thịt
        """, tags="smoke_daily"),
    # Trapped, said in two parts: "kẹt" ... "không ra được" (the stuck combinations).
    entry(None, "normal", 0, """
        tự khóa, khóa cửa, khóa trong, bị khóa, bị cô lập, cô lập, trèo lên, leo lên, chui vô,
        chui vào, lọt vô, lọt vào, mắc trên, kẹt cửa
        """, tags="stuck"),
    entry(None, "normal", 0, "kẹt đầu, kẹt tay, kẹt chân", tags="stuck jam"),
    entry(None, "normal", 0, "thang máy", tags="stuck elevator"),
    # "kẹt cứng" is someone stuck fast, or a road jammed when traffic is named (DEMOTIONS).
    entry("other", "emergency", 5, "kẹt cứng", service="114", tags="trapped jammed",
          fold="tone"),
    entry(None, "normal", 0, """
        kẹt xe, kẹt đường, tắc đường, tắc nghẽn, ùn tắc, ngã tư, ngã ba, giờ cao điểm, xe cộ
        """, tags="traffic"),
    entry(None, "normal", 0, "kẹp, bị kẹp, kẹp chân, kẹp tay, kẹp đầu, thang cuốn, cửa cuốn",
          tags="stuck jam"),
    # Where someone is stuck: "kẹt hết trên tầng thượng", "kẹt chân dưới đó" (jam + place).
    entry(None, "normal", 0, """
        trong, trên, dưới, giữa, bên trong, tầng thượng, sân thượng
        """, tags="place"),
    # A spot one may be stuck in: "nằm dưới đó chưa lên được" (spot + cannot leave).
    entry(None, "normal", 0, """
        dưới đó, trong đó, trên đó, dưới hầm, dưới giếng, dưới cống, dưới hố, trên mái,
        trên nóc, trên gác, trên cây
        """, tags="place spot"),
    entry(None, "normal", 0, """
        {k} ra được, ra {k} được, {k} xuống được, xuống {k} được, {k} lên được, lên {k} được,
        {k} rút ra được, rút {k} ra, {k} mở được, mở {k} được, {k} ai mở,
        {k} ra ngoài được, {k} mở cửa được
        """, tags="cannot_leave"),
    entry(None, "normal", 0, """
        nước dâng, nước lên nhanh, nước lũ, lũ về, lũ lên, nước lên, ngập sâu, ngập nặng,
        nước lớn, nước đang lên, nước lên tới, nước dâng lên, nước dâng cao, nước ngập tới,
        lũ tràn, nước tràn, bị ngập, ngập nhà, nước cao quá đầu, ngập quá đầu, ngập tới mái,
        nước tràn vô
        """, tags="flood"),
    # Prevention and equipment: no fire, no drowning.
    entry(None, "normal", 0, """
        phòng cháy chữa cháy, bình chữa cháy, học chữa cháy, phòng cháy nổ, công tác phòng cháy,
        thiết bị phòng cháy, đội phòng cháy, cảnh sát phòng cháy, kiểm tra phòng cháy,
        tập huấn phòng cháy, hệ thống phòng cháy, an toàn phòng cháy, học phòng cháy,
        phòng chống cháy nổ, chống cháy, phòng đuối nước, phòng chống đuối nước,
        chống đuối nước, học bơi, bị nổ lốp, bị nổ vỏ, bị nổ bánh, bị nổ máy, đè lên ngực,
        đè ngực, đè nặng, cháy đen, cháy xém da, muốn nổ, muốn nổ tung, như muốn nổ,
        nổ tung đầu, đầu muốn nổ, nổ con mắt, chó đánh nhau, gà đánh nhau, mèo đánh nhau,
        chó rượt, bị chó rượt, sơ cấp cứu, lớp sơ cấp cứu, học cấp cứu,
        khoa cấp cứu, phòng cấp cứu, cơm bị cháy, nồi cơm cháy, cháy nồi, khét nồi,
        cháy khét nồi, để phòng cháy, cách phòng cháy, đồ phòng cháy, dụng cụ phòng cháy
        """),
    # Gone swimming, and not seen since (the swim + missing combination).
    entry(None, "normal", 0, """
        tắm sông, tắm suối, tắm biển, tắm ao, tắm hồ, tắm kênh, đi bơi, bơi, lặn
        """, tags="swim"),
    entry(None, "normal", 0, "mất dạng, {k} thấy đâu, mất tăm, {k} tìm thấy", tags="missing"),
)

POLICE_ENTRIES: tuple[Entry, ...] = (
    entry("violation", "emergency", 5, """
        đang đánh, đập lộn, đánh hội đồng, đánh đập, bạo hành,
        hành hung, đánh vợ, đánh chồng, đánh con, đánh mẹ, đánh cha, đánh ba, đánh má,
        đánh tui, đánh tôi, đánh em, đánh chị, đánh người, đánh chết, đánh bầm, đánh dã man,
        đánh thằng, đánh đứa, đánh bé, rượt đánh, đuổi đánh, đòi đánh, dọa đánh, xông vào đánh,
        xông vô đánh, lao vào đánh, đánh ghen, bạo lực gia đình, ẩu đả, xô xát, hỗn chiến,
        đập cửa, vô đánh, vào đánh, xông vô, xông vào, vây đánh, bao vây, xúm vô đánh,
        xúm lại đánh, hùa vô đánh, hăm đâm, hăm chém, hăm giết, hăm đánh
        """, service="113", tags="violence", fold="tone"),
    entry("violation", "emergency", 5, """
        cầm dao, cầm mã tấu, cầm kiếm, cầm súng, cầm gậy, cầm cây, cầm búa, cầm rựa,
        cầm dao phay, cầm hung khí, cầm kéo, cầm cây sắt, cầm ống tuýp, cầm tuýp, cầm xà beng,
        cầm kim tiêm, cầm ống chích, cầm ống tiêm, cầm chai, cầm gạch, cầm đá, dí dao, kề dao,
        rút dao, vung dao, múa dao, chĩa dao, chĩa súng, dí súng, mã tấu, dao phay, hung khí,
        bằng dao, có súng, bắn, bắn nhau, nổ súng, tiếng súng, bắn chết, bắn người, lựu đạn,
        súng nổ, tiếng súng nổ, phát súng, nổ mấy phát, dùng dao, dùng búa, dùng gậy,
        dùng mã tấu, dùng súng, dùng hung khí, dùng cây,
        đâm người, đâm chém, đâm nhau, đòi đâm, dọa đâm, rượt đâm, đâm chết, chém,
        chém người, chém nhau, rượt chém, đòi chém, dọa chém, chém cửa, chém loạn
        """, service="113", tags="violence", fold="tone"),
    entry("violation", "emergency", 5, """
        trộm, ăn trộm, kẻ trộm, có trộm, thằng trộm, đang trộm, trộm đồ, trộm xe, cạy cửa,
        cạy khóa, phá khóa, bẻ khóa, leo rào, trèo rào, leo tường,
        trèo tường, leo cổng, trèo cổng, đột nhập, lẻn vào, lẻn vô, người lạ trong nhà,
        người lạ vô nhà, người lạ vào nhà, lục đồ, lục lọi, khiêng đồ, dắt xe, cướp,
        cướp giật, giật đồ, giật túi, giật giỏ, giật điện thoại, giựt điện thoại,
        giật dây chuyền, giựt dây chuyền, giật xe, bị giật, bị giựt, giựt đồ, giựt túi,
        ăn cướp, băng cướp, cướp tiệm, trấn lột, khống chế, uy hiếp, con tin, đập vỡ kính,
        đập kính, phá kính, đập kính xe, cạy két, phá két, cạy tủ
        """, service="113", tags="crime", fold="tone"),
    entry("violation", "emergency", 5, """
        bắt cóc, bế đi, bế đi mất, bế lên xe, bắt đi, dụ đi, dẫn đi mất, chở đi mất, bắt mất,
        bị bắt đi, người lạ bế, dụ dỗ, bắt con nít, bắt trẻ, nhốt, bị nhốt,
        giam lỏng, {k} cho ra, {k} cho về, {k} cho đi, giữ người, trói, bị trói,
        khóa cửa nhốt, hiếp, hiếp dâm, cưỡng hiếp, xâm hại, sàm sỡ, dâm ô, xé áo,
        xé quần áo, lột đồ, cưỡng bức, kéo vô hẻm, kéo vào hẻm, tiền chuộc, đòi tiền chuộc,
        bắt người, dụ con nít, dụ bé, dụ trẻ, bắt giữ, lạ dẫn đi, lạ bắt đi, lạ chở đi, lạ dụ,
        bồng đi, bồng đi mất, ẵm đi, ẵm đi mất, bồng lên xe, ẵm lên xe, kề cổ, dao kề cổ,
        kề dao vô cổ, lục tủ, nghe tiếng lục
        """, service="113", tags="crime", fold="tone"),
    # Someone hiding from who is in the house: "tui đang trốn dưới gầm giường".
    entry("violation", "emergency", 5, """
        đang trốn dưới, trốn dưới gầm, núp dưới gầm, trốn trong tủ, núp trong tủ,
        đang trốn trong, đang núp
        """, service="113", tags="violence victim", fold="tone"),
    # A stranger carrying a child off: "người đàn ông lạ bế con tui" (stranger + carry off).
    entry(None, "normal", 0, """
        người lạ, đàn ông lạ, đàn bà lạ, thằng lạ, người đàn ông lạ, người phụ nữ lạ, xe lạ
        """, tags="stranger"),
    entry(None, "normal", 0, "bế, bồng, ẵm, dắt, dẫn, chở, lôi, dụ, kéo", tags="carry_off"),
    entry("violation", "emergency", 5, "phá cửa, đạp cửa, phá cửa vô, phá cửa vào",
          service="113", tags="crime breakin", fold="tone"),
    entry("violation", "emergency", 5, "giết, mất tích", service="113",
          tags="violence act missing", fold="tone"),
    entry("violation", "emergency", 5, """
        dọa giết, đòi giết, giết người, giết cả nhà, dọa đốt, dọa đốt nhà, đòi đốt nhà,
        dọa tạt axit, dọa bắn, đe dọa, hăm dọa, hăm he, khủng bố, tống tiền, dọa thủ tiêu,
        tạt axit, tạt sơn, tạt mắm tôm, tạt chất bẩn, ném chất bẩn, tạt xăng, tưới xăng,
        ném đá, ném gạch, ném chai, chọi đá, đập phá, phá phách, quậy phá, đập đồ, đập nhà,
        phá nhà, ngáo đá, phê ma túy, đòi nợ thuê, siết nợ, xiết nợ, bị rượt, rượt theo,
        một một ba, một trăm mười ba, công an tới gấp, cảnh sát tới gấp, trộm vô, trộm vào,
        trộm vô nhà, trộm leo, bóp cổ, siết cổ, bóp họng, tát, đấm, đánh đấm, ném mắm tôm,
        ném sơn, chặn đường, chặn đầu xe, bảo kê, quấy rối, móc túi, động tay động chân, cạy,
        xịt hơi cay, có dao, mang dao, dao găm, dao bấm, cầm cây dao, cầm con dao,
        đang đập đầu, đập đầu tui, đập đầu tôi, đập đầu em, đập đầu vợ, đập đầu vô tường,
        đòi vào nhà, đòi vô nhà, xác chết, thi thể, xác người, đi lạc, bị lạc, lạc mất
        """, service="113", tags="violence", fold="tone"),
    # A brawl is of dogs when an animal is named (DEMOTIONS).
    entry("violation", "emergency", 5, "đánh nhau, đánh lộn, cắn nhau", service="113",
          tags="violence brawl", fold="tone"),
    entry(None, "normal", 0, "chó, mèo, gà, vịt, trâu, bò, heo, khỉ", tags="animal"),
    # Cries for help, trouble-makers: 113, unless another emergency is said too
    # (need_service): a cry for help of someone short of breath is 115.
    # Beaten: violence, 113 even when the victim is hurt ("cầm cây sắt đập đầu người ta").
    entry("violation", "emergency", 5, "đánh, bị đánh, bị hành hung, bị đánh đập",
          service="113", tags="violence", fold="tone"),
    # Beating said otherwise: a whip, a club ("lấy dây điện quất"), or a kick or a blow at
    # someone ("đạp vợ", "đá thằng bé": the hit + kin combination).
    entry("violation", "emergency", 5, """
        quất, phang, quánh, táng, nện, vụt, bạt tai, tát tai, đánh tới tấp, đánh túi bụi
        """, service="113", tags="violence", fold="exact"),
    entry(None, "normal", 0, "đạp, đạp vô, đá vô, xô, bóp, nắm tóc, túm tóc", tags="hit"),
    entry(None, "normal", 0, """
        vợ, chồng, con tui, con nó, thằng bé, con bé, thằng nhỏ, vợ nó, mẹ nó, má nó, ba nó,
        tui, tôi, em, cháu
        """, tags="kin"),
    # A weapon in hand, a word between: "cầm cái mã tấu", "vác cây rựa" (hold + weapon).
    entry(None, "normal", 0, "cầm, vác, xách, rút, giơ, vung, kề, dí, chĩa, lăm lăm",
          tags="hold"),
    entry(None, "normal", 0, """
        dao, kiếm, súng, gậy, búa, rựa, kéo, cây sắt, ống tuýp, ống nước, xà beng,
        côn, nhị khúc, phảng, liềm, mác, lưỡi lê, roi điện, súng điện, gậy điện, dùi cui
        """, tags="weapon"),
    # Taken away: a hold ("bắt", "bế", "lôi") and away ("lên xe", "chở đi"); gangs at work.
    entry(None, "normal", 0, "bắt, kéo, lôi, lồi, tóm, chụp, túm, nhét, tống, xốc",
          tags="seize"),
    entry(None, "normal", 0, """
        lên xe, chở đi, đi mất, mang đi, đem đi, chạy mất, kéo đi, lôi đi, đưa đi mất, chở mất,
        tống lên xe, nhét lên xe, lên ô tô, vô xe, vào xe, lên xe hơi, vô xe hơi, vô ô tô,
        vào ô tô, lên xe tải, lên xe con
        """, tags="away"),
    # Someone in the house taking things: "có đứa vô nhà ... lấy đồ" (enter + take).
    entry(None, "normal", 0, ", ".join(
        f"{who} {way}"
        for who in ("có đứa", "có người", "có thằng", "ai đó", "mấy đứa", "tụi nó", "đứa nào")
        for way in ("vô nhà", "vào nhà", "vô phòng", "vào phòng", "vô tiệm", "vào tiệm",
                    "leo vô", "trèo vô", "lẻn vô")), tags="enter"),
    entry(None, "normal", 0, "lấy đồ, lấy tiền, ôm đồ, lấy xe, dắt xe đi",
          tags="take"),
    # Arson threatened: fuel poured or a lighter in hand, no fire yet (113; a fire that burns
    # is 114 first).
    entry(None, "normal", 0, "xăng, can xăng, dầu, can dầu, bình xăng, chai xăng",
          tags="fuel"),
    entry(None, "normal", 0, """
        tạt, tưới, rưới, xịt, bật lửa, hộp quẹt, cái quẹt, châm lửa
        """, tags="pour"),
    # A man pressing someone down: an assault (quiets the collapse).
    entry(None, "normal", 0, """
        thằng đàn ông, đàn ông, thằng cha, gã, tên đó, ông ta, thằng đó, thằng kia
        """, tags="male"),
    # Rescuers who broke in: "tụi tui phá cửa vô" (quiets the break-in).
    entry(None, "normal", 0, """
        tụi tui, tụi tôi, chúng tôi, tụi em, chúng em, tụi con, mọi người, tụi cháu
        """, tags="we"),
    entry("violation", "emergency", 5, """
        kêu cứu, la cứu, la thất thanh, tiếng la cứu, gây gổ, gây sự, gây lộn, rình, rình rập,
        lảng vảng, gây rối, bỏ chạy, tông người bỏ chạy, gây tai nạn bỏ chạy
        """, service="113", tags="violence victim", fold="tone"),
    # The attackers still there: a wound or a beating is a police matter first.
    entry(None, "normal", 0, """
        tụi nó còn, nó còn đứng, còn đứng đó, còn đứng ngoài, đang đứng ngoài, vẫn còn ở đó,
        còn ở ngoài, tụi nó đang, bọn nó đang, thằng đó còn, chưa chịu đi, còn trong nhà,
        còn đang đánh, vẫn đang đánh, vẫn còn đánh
        """, tags="perpetrator"),
    # A threat in two parts: "dọa" ... "đốt nhà" (the threat + act combination).
    entry(None, "normal", 0, "dọa, hăm, hù, hù dọa, nói sẽ", tags="threat"),
    entry(None, "normal", 0, "đốt, đốt nhà, tạt, xử, thủ tiêu, phá, đập", tags="act"),
    # Confinement in two parts: "không cho" ... "về".
    entry(None, "normal", 0, "{k} cho", tags="forbid"),
    entry(None, "normal", 0, "ra, về, đi đâu, gặp ai, liên lạc", tags="leave"),
    # A theft or robbery told afterwards: a request to the ward, not an emergency.
    entry("other", "normal", 2, """
        bị trộm, mất trộm, trộm mất, bị mất trộm, bị lấy trộm, trộm vặt, làm đơn, trình báo,
        báo mất, đánh cắp, bị đánh cắp, lừa đảo, bị lừa, mất trộm xe, bị trộm xe,
        bị mất trộm xe, trộm mất xe, bị trộm mất, bị trộm đồ, mất trộm đồ
        """),
    # "trộm" after a verb is "secretly": dumping, tapping power, filming (a violation to
    # report, not a burglary).
    entry("violation", "normal", 3, """
        đổ trộm, câu trộm, xài trộm, câu điện trộm, lấy trộm điện, nghe trộm, nhìn trộm,
        quay trộm, quay lén, chụp trộm, chụp lén, xả trộm, đổ rác trộm, xả thải trộm, bán trộm
        """),
    # Lookalikes of violence.
    entry(None, "normal", 0, """
        cướp trắng, bị cướp trắng, như cướp ngày, cướp ngày, cướp mất giờ, cướp giờ làm,
        cướp giờ ngủ, cướp giờ nghỉ, cướp giờ học, cướp giờ giấc, cướp hết giờ, cướp giờ của,
        cướp thời gian, cướp mất thời gian, cướp công, cướp lời,
        cướp mất công, cướp sóng, giết thời giờ, như bị cướp, như ăn cướp,
        đang đánh bài, đang đánh bạc, đang đánh cờ, đang đánh răng, đang đánh máy,
        đang đánh giá, chém gió, chém giá, giết thời gian, giết heo,
        giết gà, giết mổ, bắn pháo, bắn pháo hoa, bắn tin, bắn tiếng, bắn cá, bắn bi,
        nhốt chó, nhốt gà, dọa bỏ nhà, dọa bỏ đi, giở chứng, giật mình, giựt mình,
        bị giật mình, bị giựt mình, đánh cờ, đánh răng, đánh máy,
        đánh giá, đánh cá, đánh bắt, đánh vần, đánh dấu, đánh điện, đánh số, đánh bóng,
        đánh cầu, đánh trống, đánh đàn, đánh rơi, đánh mất, đánh đề, đánh lô, đánh võng,
        đánh son, đánh phấn, đánh giày, đánh trứng, đánh thuế, đánh tiếng, đánh liều,
        đánh đổi, đánh chén, đánh xe, đánh bại, đánh lừa, đánh tráo, đánh bả, đánh golf,
        đánh cầu lông, đánh tennis, đánh điện thoại, đánh trận, đánh giặc
        """),
    entry(None, "normal", 2, "xã hội đen, giang hồ, côn đồ, đầu gấu, băng nhóm, tín dụng đen",
          tags="gang"),
)
# fmt: on
