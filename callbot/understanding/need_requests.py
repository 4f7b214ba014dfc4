"""The need lexicon's everyday requests: food, money, tests, reports, the ward's services.

Read by :mod:`.need_lexicon` like the emergencies (:mod:`.need_emergency`,
:mod:`.need_danger`); what an entry's fields mean is said there. Besides what callers ask for
("gạo", "tiền nhà", "xét nghiệm", "giấy tạm trú") this lists what they report (a violation:
"thu tiền", "giấy giả", counterfeit or unsafe goods, drugs sold, noise at night, dumping), the
ward's public works (lights, roads, a broken lift) and everyday words that only look like a
need ("nấu cơm", "ăn uống bình thường": no food asked for).
"""

from __future__ import annotations

from callbot.understanding.need_base import COVID, Entry, each, entry

# The table is laid out by hand, one meaning per entry: keep the formatter off it.
# fmt: off
REQUEST_ENTRIES: tuple[Entry, ...] = (
    # -- food ------------------------------------------------------------------------------
    entry("food", "high", 3, """
        đói, bị đói, đói bụng, đói meo, nhịn đói, chết đói, nhịn ăn, {k} ăn gì,
        {k} có gì ăn, {k} có gì để ăn, {k} có gì mà ăn, {k} còn gì ăn, {k} còn gì để ăn,
        {k} có cái ăn, {k} có cơm ăn, {k} có ăn, {k} có cái gì ăn, {k} có gì bỏ bụng,
        {k} còn hột gạo, {k} được ăn, chỉ ăn có, chia nhau ăn, gói mì chia nhau, ăn cầm hơi,
        ăn cầm chừng, nhịn bữa, bữa đói bữa no, ăn không đủ no, {k} ai nấu ăn,
        {k} có ai nấu ăn, {k} ai nấu cơm, {k} có ai nấu cơm, {k} ai lo cơm nước,
        {k} ai nấu cho ăn, {k} ai cho ăn
        """, tags="hunger"),
    # Food words of daily life, no food asked for ("nấu cơm", "ăn uống bình thường"); a rice
    # cooker is an appliance.
    entry(None, "normal", 0, """
        ăn uống bình thường, nấu cơm, đang nấu cơm, ăn cơm, nuốt cơm, ngồi ăn cơm, bới cơm,
        cơm nước xong
        """),
    # Appliances: one that "cháy" burnt out (DEMOTIONS), unless flames or smoke are said.
    entry(None, "normal", 0, """
        nồi cơm điện, nồi cơm, quạt, quạt máy, tủ lạnh, ti vi, tivi, máy giặt, bàn ủi, ổ cắm,
        cục sạc, dây sạc, lò vi sóng, ấm đun, ấm siêu tốc, bình nóng lạnh, bếp điện
        """, tags="appliance"),
    entry("food", "normal", 3, """
        gạo, thực phẩm, đồ ăn, thức ăn, lương thực, nhu yếu phẩm, rau, rau củ, mì gói, mì tôm,
        mì, sữa, bỉm, tã, trứng, thịt, cơm, mắm, đồ khô, thực phẩm thiết yếu, hàng thiết yếu,
        túi an sinh, gói an sinh, phần quà, túi quà, cứu trợ, tiếp tế, từ thiện, bếp ăn,
        suất cơm, cơm hộp, đi chợ, chợ, siêu thị, ăn uống, cái ăn
        """),
    # -- financial -------------------------------------------------------------------------
    entry("financial", "normal", 3, """
        mất việc, thất nghiệp, nghỉ việc, {k} có việc, {k} có việc làm, hết việc,
        mất thu nhập, {k} có thu nhập, hết tiền, {k} có tiền, {k} còn tiền, {k} có đồng nào,
        {k} còn đồng nào, tiền nhà, tiền trọ, tiền thuê nhà, tiền phòng, thuê nhà, tiền điện,
        tiền nước, trợ cấp, tiền trợ cấp, gói hỗ trợ, tiền hỗ trợ, hỗ trợ tiền,
        nghị quyết sáu mươi tám, nghị quyết sáu tám, bảo hiểm thất nghiệp,
        gói hai mươi sáu nghìn tỷ, chủ nhà đuổi, bị đuổi, đóng tiền, trả tiền, tiền mặt,
        nợ, vay, lương, cho vay, nghỉ không lương, viện phí, tiền viện phí, học phí,
        tiền học, tiền học phí, diện phí, tiền diện phí, tiền cọc, tiền đặt cọc, trả cọc,
        giữ cọc, đòi lại tiền, đền bù, bồi thường, bảo hiểm nhà, bảo hiểm đền, sửa nhà,
        hỗ trợ sửa nhà, xây lại nhà, tiền sửa nhà,
        {k} đi làm được, {k} đi lượm được, {k} đi bán được, {k} làm ăn được, nghỉ làm
        """),
    entry("financial", "normal", 2, "được hỗ trợ, hỏi hỗ trợ, có hỗ trợ"),
    entry("financial", "normal", 1, """
        tiền, nhà trọ, phòng trọ, lao động tự do, bán vé số, chạy xe ôm, xe ôm, bán hàng rong,
        phụ hồ, chủ nhà, công nhân
        """),
    # -- testing and quarantine ------------------------------------------------------------
    entry("testing", "normal", 3, """
        xét nghiệm, test nhanh, tét nhanh, test, pcr, pê xê rờ, lấy mẫu, kết quả xét nghiệm,
        khu cách ly, cách ly tập trung, cách ly tại nhà, tự cách ly,
        giấy xác nhận hoàn thành cách ly, giấy xác nhận âm tính, giấy xác nhận xét nghiệm,
        hoàn thành cách ly, que tét, que test, que thử, tét nhan, kít test, kit test, truy vết,
        tiếp xúc gần, f1, ép một, f một, f2, ép hai,
        khai báo y tế
        """),
    entry("testing", "normal", 2, """
        kết quả, âm tính, cách ly, phong tỏa, khu phong tỏa, bị phong tỏa, một vạch, ca nhiễm,
        tiếp xúc
        """),
    entry("testing", "normal", 2, "dương tính, hai vạch, lên hai vạch, test dương", tags="f0"),
    entry("testing", "normal", 1, "f0, f không, ép không, ép zê rô, ép dê rô, bị nhiễm, "
       "nhiễm bệnh, " + each(COVID, "bị {}", "nhiễm {}", "mắc {}", "dính {}"), tags="f0"),
    entry("testing", "normal", 1, each(COVID, "{}")),
    # -- violations: a caller reporting a breach of the rules ------------------------------
    entry("violation", "high", 3, """
        trốn cách ly, trốn khỏi khu cách ly, trốn khỏi, bỏ trốn, trốn ra, trốn về
        """),
    entry("violation", "normal", 4, """
        thu tiền, ăn chặn, ăn bớt, bớt xén, tham nhũng, giá cắt cổ, bán giá cao, chặt chém,
        nâng giá, tố giác, tố cáo, giả danh, mạo danh, tự xưng, xưng là bên, nghi là giả,
        giả làm người
        """),
    # Counterfeit or unsafe goods, drugs sold: a report.
    entry("violation", "normal", 4, """
        rượu giả, bán rượu giả, thuốc giả, hàng giả, sữa giả, hàng nhái, thịt heo bệnh,
        heo bệnh, thịt bệnh, thịt bẩn, thực phẩm bẩn, thịt thối, hàng kém chất lượng,
        bán ma túy, buôn ma túy, ma túy, chích choác, hút chích, tiêm chích, bán hàng cấm,
        đồ thiu, bán đồ thiu, đồ ăn thiu, đồ ôi thiu, ôi thiu, thịt ôi, hàng dỏm, đồ dỏm,
        thuốc dỏm, thuốc tây dỏm, bán đồ dỏm, bán thuốc dỏm, hết hạn sử dụng, quá hạn sử dụng,
        quá date, hết date, đồ hết hạn, hàng hết hạn, bán hàng hết hạn, bán đồ hết hạn,
        sữa hết hạn, thuốc hết hạn, thực phẩm hết hạn, mà họ vẫn bán, mà vẫn bán, mà còn bán,
        mà vẫn còn bán, mà tiệm vẫn bán
        """),
    # Noise and nuisances at night: a report to the ward.
    entry("violation", "normal", 3, """
        sủa, chó sủa, sủa cả đêm, {k} ai ngủ được, nẹt pô, rú ga, bốc đầu, đua xe, la hét,
        om sòm, làm ồn, gây ồn, tiếng ồn, mở nhạc lớn, mở loa lớn, hát hò, ồn quá, thả rông,
        thả chó rông, chó thả rông, xả nước thải, nước thải, ầm ầm, đóng cọc, rung nhà,
        rung hết nhà, đinh tai nhức óc, máy chạy ồn, ồn, lạng lách, chạy xe lạng lách
        """),
    # Obstruction and encroachment: a report to the ward.
    entry("violation", "normal", 3, """
        đậu xe chắn, chắn cửa, chắn lối, chắn hết lối, lấn chiếm, xây lấn, lấn ra, lấn hẻm,
        đậu kín, chiếm vỉa hè, lấn vỉa hè, chắn lối thoát hiểm, bít lối thoát hiểm
        """),
    # Watching a game is no game in the street.
    entry(None, "normal", 0, "coi đá banh, xem đá banh, coi bóng đá, xem bóng đá"),
    # Forged papers, price gouging, charging for what is given free.
    entry("violation", "normal", 4, """
        giấy đi đường giả, giấy giả, giấy tờ giả, làm giả, làm giấy giả, giả mạo, giả giấy,
        bán giấy, bán giấy đi đường, mua giấy đi đường, mua bán giấy, chạy giấy, kết quả giả,
        giấy xét nghiệm giả, xét nghiệm giả, giấy xác nhận giả, bán mắc, bán đắt, hét giá,
        đội giá, thổi giá, giá trên trời, găm hàng, đầu cơ, bắt đóng tiền, bắt trả tiền,
        thu phí, thu lệ phí, lấy phí, đòi phí, hối lộ, tiền cà phê, phong bì, bồi dưỡng,
        bán lại, miễn phí mà, mà lấy tiền, mà đòi tiền, mà tính tiền, lại lấy tiền,
        lại đòi tiền, cũng lấy tiền, còn lấy tiền, phải đóng tiền mới, phải trả tiền mới
        """),
    entry("violation", "normal", 3, """
        tăng giá, tụ tập, tụ tập đông người, tụm năm tụm ba, {k} đeo khẩu trang,
        {k} mang khẩu trang,
        {k} đeo khẩu, vi phạm, mở quán, vẫn mở, vẫn mở cửa, vẫn bán, lén bán, bán lén,
        mở cửa buôn bán, chợ tự phát, chợ cóc, họp chợ, nhậu, nhậu nhẹt, ăn nhậu, đánh bài,
        đánh bày, đánh bài ăn tiền, đánh bày ăn tiền, đánh bạc ăn tiền, cá độ, đá gà,
        đánh bạc, cờ bạc, karaoke, hát karaoke, {k} chấp hành, {k} tuân thủ, {k} khai báo,
        đá banh, đá bóng, tổ chức tiệc, đám cưới, đám giỗ, đám tiệc, {k} giãn cách,
        {k} có lý do, {k} lý do
        """),
    entry("violation", "normal", 1, """
        phản ánh, báo cáo, đông người, bán hàng, buôn bán, mở cửa, hàng xóm, khẩu trang,
        giãn cách, ồn ào
        """),
    entry("violation", "normal", 1, """
        ra ngoài, đi ra ngoài, ra đường, ra ngoài đường, đi lung tung, đi khắp nơi, đi chơi,
        đi dạo, đi lại
        """, tags="outing"),
    # -- other requests ----------------------------------------------------------------------
    entry("other", "normal", 2, """
        giấy đi đường, giấy thông hành, giấy tờ, về quê, hồi hương, hỏa táng, mai táng,
        an táng, tro cốt, hỏi, cho hỏi, muốn hỏi, hỏi thông tin, khi nào, thủ tục,
        kẹt lại, giới nghiêm, cúp nước, cúp điện, mất nước, mất điện, cúp diện, mất diện, vô gia cư,
        chỗ ngủ, chỗ ở, ngủ ngoài đường, tình nguyện viên, số điện thoại, rào chắn, làm rào,
        dọn dẹp, dọn rác, học nghề, lớp học nghề, lớp hè, kiểm tra an toàn, dọn giùm,
        dọn giúp, ai dọn, cảm ơn, cám ơn, gọi báo, tổ ong, phá tổ ong, đồ điện hư,
        tổ ong vò vẽ, tổ ong bò vẽ, ổ ong vò vẽ, ổ ong, ong làm tổ, tổ ong lỗ,
        thu gom, tay vịn, làm tay vịn, gắn camera, lắp camera, camera, dưỡng sinh,
        câu lạc bộ dưỡng sinh, ra tòa, tìm lại gia đình, tìm người thân
        """),
    # Papers of a status: disability, poverty, civil status, land.
    entry("other", "normal", 3, """
        xác nhận khuyết tật, giấy xác nhận khuyết tật, giấy chứng nhận khuyết tật,
        xác nhận hộ nghèo, giấy xác nhận hộ nghèo, sổ hộ nghèo, hộ cận nghèo,
        xác nhận độc thân, giấy xác nhận độc thân, sang tên, sổ đỏ, nhà ở xã hội,
        giấy xác nhận mất, xác nhận mất, báo mất giấy tờ
        """),
    # A market as where something is, not food asked for ("gần chợ", "ở chợ").
    entry(None, "normal", 0, """
        gần chợ, ở chợ, ngoài chợ, trong chợ, kế chợ, đầu chợ, cuối chợ, chợ lớn, sau chợ,
        trước chợ, đi chợ lớn
        """),
    # Something handed in to the ward ("đang giữ giấy tờ của bả muốn gửi cho phường").
    entry("other", "normal", 3, """
        gửi cho phường, gửi lên phường, nộp cho phường, nộp lên phường, đem lên phường,
        giao cho phường, gửi lại phường
        """),
    # Papers of the ward: residence, identity, civil status.
    entry("other", "normal", 3, """
        xác nhận cư trú, giấy xác nhận cư trú, đăng ký tạm trú, tạm trú, tạm vắng, hộ khẩu,
        sổ hộ khẩu, căn cước, căn cước công dân, chứng minh nhân dân, giấy khai sinh, khai sinh,
        khai tử, làm giấy tờ, giấy chứng tử, chứng tử, giấy xác nhận, xác nhận tai nạn,
        tai nạn lao động, xác nhận thiệt hại, giấy xác nhận thiệt hại, tình trạng hôn nhân,
        lớp kỹ năng, kỹ năng sống, rửa đường, dầu loang, tràn dầu
        """),
    # A call made by mistake says that nothing is needed, whatever it was about.
    entry("other", "normal", 4, """
        gọi nhầm, bấm nhầm, bấm gọi nhầm, gọi lộn, gọi lộn số, bấm lộn, bấm lộn số, lỡ bấm gọi
        """),
    # Stuck somewhere: stranded (other), or trapped with "không ra được" (need_danger).
    entry("other", "normal", 2, "kẹt, mắc kẹt, bị kẹt", tags="stuck jam"),
    # Public works for the ward: lights, roads, trees, drains (not a violation, no danger).
    entry("other", "normal", 3, """
        đèn đường, bóng đèn đường, đèn hư, đèn chớp tắt, đèn giao thông, bóng đèn,
        đèn chiếu sáng, đèn tín hiệu, gắn đèn, gắn thêm đèn, lắp đèn, lắp thêm đèn, đèn hẻm,
        đèn đầu hẻm, đèn trong hẻm, đèn cuối hẻm
        """, tags="lamp"),
    # First aid asked about ("vỗ lưng sao", "cách sơ cứu"): medical, not what it is about.
    entry("medical", "normal", 3, """
        vỗ lưng, sơ cứu, cách sơ cứu, hô hấp nhân tạo, ép tim, thổi ngạt, cách cầm máu,
        cách xử trí
        """),
    # "tui qua coi" (I went over to look) is no "túi quà" heard without its tones.
    entry(None, "normal", 0, "tui qua, tôi qua, em qua, chị qua, anh qua, con qua, qua coi"),
    entry("other", "normal", 3, """
        ổ gà, ổ voi,
        đường hư, đường bể, mặt đường, cây gãy, gãy nhánh, gãy cành, nhánh cây, cây xanh,
        cây đổ, nắp cống, mất nắp cống, cống nghẹt, nghẹt cống, rác thải, ngập nước,
        nước ngập, triều cường, vỉa hè, trụ điện, cột điện, thang máy hư, thang máy bị hư,
        thang máy hỏng, thang máy bị hỏng, cống tràn, tràn cống, hàng rào, làm hàng rào,
        biển cấm, cắm biển, biển báo, lan can, làm lan can
        """),
)
# fmt: on
