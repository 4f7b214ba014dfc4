"""Round 23 of issue 13, the retrained model's check: an answer the model of the twelfth part
found and the model of the fourteenth did not, read by the rules alone now (a child grabbed,
then still followed: :mod:`callbot.understanding.need_round23e`), with its look-alikes."""

from __future__ import annotations

import pytest

from tests.support.need import urgency_and_service as _service

pytestmark = pytest.mark.usefixtures("rules_only")  # the rules alone (conftest.py)


@pytest.mark.parametrize(
    "text",
    [
        "có ông kia đi theo con nãy giờ kéo tay con con giật ra chạy mà ổng vẫn theo",
        "cháu đi học về có người lạ nắm tay cháu cháu vùng ra mà ổng vẫn đi theo cháu",
        "thằng kia túm tay em em giựt ra được mà nó vẫn bám theo em tới chợ",
        "có thằng nắm tay em ở trạm xe buýt em vùng ra mà nó vẫn đi theo em",
    ],
)
def test_grabbed_then_still_followed_is_113(text: str) -> None:
    assert _service(text) == ("emergency", "113")


@pytest.mark.parametrize(
    "text",
    [
        "mẹ đi theo con vô lớp rồi nắm tay con dắt vô",
        "ông ngoại nắm tay con dắt đi chơi mà con vẫn theo ông",
        "hôm qua ông kia kéo tay con rồi ổng vẫn đi theo tới cổng nhưng giờ con về nhà an toàn rồi",
        "con đi theo ba ra chợ ba nắm tay con qua đường",
    ],
)
def test_a_hand_held_by_family_or_a_fright_over_is_none(text: str) -> None:
    assert _service(text)[0] != "emergency"
