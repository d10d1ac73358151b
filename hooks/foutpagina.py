"""MkDocs hook: the 404 page keeps its styles and links under any sub-path, without a rebuild.

A web server shows 404.html at any missing address, so its links cannot be relative; without
SITE_URL MkDocs makes them absolute from the host root ("/assets/…"), which is wrong when the site
lives in a sub-path such as /afspraken/. This hook writes every such address as "/./assets/…"
instead: the same address to a browser (the "./" is dropped), but a marker a server can replace by
the folder it serves the page from. The shipped nginx configuration does that by itself
(sub_filter, deploy/nginx/afsprakenwijzer.conf); Apache and IIS need the sub-path written once
(docs/beheer/hosting.md). With SITE_URL the addresses already hold the sub-path and stay as they are.
"""

from __future__ import annotations

import re

# Where the 404 page names an address on the site: HTML attributes, and Material's JSON configuration.
MARKER = "/./"
SITE_ADDRESS = re.compile(r"""(?P<voor>\b(?:href|src|content|action)=|"(?:base|search)":\s*)"/(?!/|\./)""")


def markeer(html: str) -> str:
    """Every address from the host root ("/…") as "/./…"."""
    return SITE_ADDRESS.sub(lambda match: f'{match.group("voor")}"{MARKER}', html)


def on_post_template(output_content: str, template_name: str, config, **kwargs) -> str:
    if template_name != "404.html" or config.site_url:
        return output_content
    return markeer(output_content)
