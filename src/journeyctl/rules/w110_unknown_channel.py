"""A touchpoint's `channel` is not in the channel vocabulary.

The vocabulary is website, email, phone, chat, social, ad, search, store,
event, app, support, referral, review, sales, mail, sms, partner and other;
a project adds its own with the `channels` setting. A fixed vocabulary keeps
maps comparable ("how many of our lows are on the phone?").

Fixable: `journeyctl lint --fix` rewrites a channel of the vocabulary written
in another case or with spaces (`Email` to `email`, `Web Site` to `web-site`
when the `channels` setting adds `web-site`). Other channels are left for you.

Fails:

```yaml
journeyctl: 1
id: checkout
title: Checkout
stages:
  - id: pay
    name: Pay
    touchpoints:
      - id: payment-page
        name: Payment page
        channel: web-site
```

Passes:

```yaml
journeyctl: 1
id: checkout
title: Checkout
stages:
  - id: pay
    name: Pay
    touchpoints:
      - id: payment-page
        name: Payment page
        channel: website
```
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from journeyctl.core.findings import Problem
from journeyctl.model import JourneyMap
from journeyctl.model.walk import touchpoints
from journeyctl.rules.base import Context

CODE = "W110"
NAME = "unknown-channel"
SEVERITY = "warning"


def check(journey: JourneyMap, ctx: Context) -> Iterator[Problem]:
    for path, _, touchpoint in touchpoints(journey):
        channel = touchpoint.channel
        if channel is not None and channel not in ctx.channels:
            close = difflib.get_close_matches(channel, sorted(ctx.channels), n=1)
            hint = (
                f" Did you mean `{close[0]}`?"
                if close
                else " Add it to the `channels` setting if your project uses it."
            )
            yield Problem((*path, "channel"), f"`{channel}` is not a known channel.{hint}")
