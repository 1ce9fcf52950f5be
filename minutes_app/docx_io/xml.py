"""WordprocessingML: the one place that knows how each element we write is written.

python-docx has no tracked-change, bookmark or comment-range API, and building its element
classes one by one costs about 10 µs each (a 5,000-paragraph table has over 200,000 of them),
so every writer builds runs, revisions, paragraphs and tables here, as markup text, each
function returning the element it names with its children in the schema's order. The body of
every export is streamed into the main part (``base.save_stable``): the working copy's as it
is, the others' through ``as_written``, byte for byte what lxml writes; headers, footers,
styles, settings and the history report's body take it as elements (``append``, ``element``).
Everything else goes through python-docx's public API.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from xml.sax.saxutils import escape, quoteattr

from lxml import etree

from minutes_app.model import Lang

Element = etree._Element
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
_HANGUL = re.compile("[\uac00-\ud7a3]")
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_LANG = {Lang.KO: '<w:lang w:val="en-GB" w:eastAsia="ko-KR"/>',
         Lang.EN: '<w:lang w:val="en-GB" w:eastAsia="ko-KR"/>',
         Lang.RU: '<w:lang w:val="ru-RU" w:eastAsia="ko-KR"/>'}
TWIPS_PER_CM = 567

# the children of w:pPr (CT_PPr) and of w:settings (CT_Settings, up to what we add), in order
PPR_ORDER = (
    "pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl", "numPr",
    "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens", "kinsoku",
    "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE", "autoSpaceDN", "bidi",
    "adjustRightInd", "snapToGrid", "spacing", "ind", "contextualSpacing", "mirrorIndents",
    "suppressOverlap", "jc", "textDirection", "textAlignment", "textboxTightWrap",
    "outlineLvl", "divId", "cnfStyle", "rPr", "sectPr", "pPrChange")
SETTINGS_ORDER = (
    "writeProtection", "view", "zoom", "removePersonalInformation", "removeDateAndTime",
    "doNotDisplayPageBoundaries", "displayBackgroundShape", "printPostScriptOverText",
    "printFractionalCharacterWidth", "printFormsData", "embedTrueTypeFonts",
    "embedSystemFonts", "saveSubsetFonts", "saveFormsData", "mirrorMargins",
    "alignBordersAndEdges", "bordersDoNotSurroundHeader", "bordersDoNotSurroundFooter",
    "gutterAtTop", "hideSpellingErrors", "hideGrammaticalErrors", "activeWritingStyle",
    "proofState", "formsDesign", "attachedTemplate", "linkStyles", "stylePaneFormatFilter",
    "stylePaneSortMethod", "documentType", "mailMerge", "revisionView", "trackRevisions",
    "doNotTrackMoves", "doNotTrackFormatting", "documentProtection", "autoFormatOverride",
    "styleLockTheme", "styleLockQFSet", "defaultTabStop")
STYLE_ORDER = (
    "name", "aliases", "basedOn", "next", "link", "autoRedefine", "hidden", "uiPriority",
    "semiHidden", "unhideWhenUsed", "qFormat", "locked", "personal", "personalCompose",
    "personalReply", "rsid", "pPr", "rPr", "tblPr", "trPr", "tcPr", "tblStylePr")


@dataclass(frozen=True)
class Fonts:
    """The fonts of one document: Latin and East Asian faces."""

    latin: str = "Times New Roman"
    korean: str = "Batang"
    korean_bold: str = ""  # a heavier face for bold Hangul, where the Korean face's bold is faint


class Ids:
    """Unique ids for revisions and bookmarks within one file (deterministic order)."""

    def __init__(self, start: int = 1000) -> None:
        self.next = start

    def take(self) -> str:
        """A fresh id."""
        self.next += 1
        return str(self.next)


def twips(cm: float) -> int:
    """Centimetres in twentieths of a point, as the schema measures widths."""
    return round(cm * TWIPS_PER_CM)


def text_xml(text: str) -> str:
    """``text`` escaped for XML, without the control characters XML 1.0 cannot hold.

    The markup is streamed into the file unparsed, so nothing else would catch them; a
    vertical tab or form feed pasted from another program is dropped, not a corrupt file.
    """
    return escape(_NOT_XML.sub("", text)) if _NOT_XML.search(text) else escape(text)


# ---- runs -------------------------------------------------------------------------------

def rfonts(fonts: Fonts, bold: bool = False) -> str:
    """``w:rFonts``: Latin, Cyrillic and complex scripts in the Latin face, Hangul in the other
    (bold Hangul in ``korean_bold`` when the fonts name one)."""
    latin = quoteattr(fonts.latin)
    korean = fonts.korean_bold if bold and fonts.korean_bold else fonts.korean
    return (f"<w:rFonts w:ascii={latin} w:hAnsi={latin} w:eastAsia={quoteattr(korean)}"
            f" w:cs={latin}/>")


def lang_xml(lang: Lang) -> str:
    """``w:lang`` of text in ``lang`` (East Asian text is always Korean)."""
    return _LANG[lang]


@lru_cache(maxsize=64)
def rpr(lang: Lang | None, fonts: Fonts, bold: bool = False, size_pt: float | None = None,
        italic: bool = False, colour: str | None = None) -> str:
    """``w:rPr`` in schema order (cached: a table uses a handful of them)."""
    parts = ["<w:rPr>", rfonts(fonts, bold)]
    if bold:
        parts.append("<w:b/>")
    if italic:
        parts.append("<w:i/>")
    if colour:
        parts.append(f'<w:color w:val="{colour}"/>')
    if size_pt:
        hp = round(size_pt * 2)
        parts.append(f'<w:sz w:val="{hp}"/><w:szCs w:val="{hp}"/>')
    if lang is not None:
        parts.append(_LANG[lang])
    parts.append("</w:rPr>")
    return "".join(parts)


def run(text: str, lang: Lang | None, fonts: Fonts, deleted: bool = False, bold: bool = False,
        size_pt: float | None = None, italic: bool = False, colour: str | None = None) -> str:
    """``w:r`` with ``w:t`` (``w:delText`` when deleted); Hangul without a language is Korean."""
    if lang is None and _HANGUL.search(text):
        lang = Lang.KO  # labels in Korean get the East Asian language like the text does
    tag = "w:delText" if deleted else "w:t"
    return (f"<w:r>{rpr(lang, fonts, bold, size_pt, italic, colour)}<{tag} "
            f'xml:space="preserve">{text_xml(text)}</{tag}></w:r>')


def page_break() -> str:
    """A paragraph holding only a page break."""
    return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>'


def field(instruction: str, fonts: Fonts, size_pt: float) -> str:
    """``w:fldSimple`` (e.g. ``PAGE``) with a placeholder result run."""
    return (f"<w:fldSimple w:instr={quoteattr(instruction)}>"
            f"{run('1', None, fonts, size_pt=size_pt)}</w:fldSimple>")


# ---- revisions, comments, bookmarks ------------------------------------------------------

def revision(kind: str, ident: str, author: str, date: str, content: str) -> str:
    """``w:ins`` or ``w:del`` around ``content`` (empty: on a paragraph mark's ``w:rPr``)."""
    tag = "w:ins" if kind == "insert" else "w:del"
    return (f"<{tag} w:id=\"{ident}\" w:author={quoteattr(author)} w:date={quoteattr(date)}>"
            f"{content}</{tag}>")


def comment_anchor(content: str, ids: Sequence[int]) -> str:
    """``content`` inside the range of each comment of ``ids``, with its reference marks."""
    starts = "".join(f'<w:commentRangeStart w:id="{i}"/>' for i in ids)
    ends = "".join(f'<w:commentRangeEnd w:id="{i}"/><w:r><w:rPr><w:rStyle '
                   f'w:val="CommentReference"/></w:rPr><w:commentReference w:id="{i}"/></w:r>'
                   for i in ids)
    return starts + content + ends


def bookmark_start(ident: str, name: str) -> str:
    """``w:bookmarkStart`` of the bookmark ``name``."""
    return f'<w:bookmarkStart w:id="{ident}" w:name={quoteattr(name)}/>'


def bookmark_end(ident: str) -> str:
    """``w:bookmarkEnd`` of the bookmark ``ident``."""
    return f'<w:bookmarkEnd w:id="{ident}"/>'


def bookmarked(content: str, ident: str, name: str) -> str:
    """``content`` between ``w:bookmarkStart`` and ``w:bookmarkEnd``."""
    return bookmark_start(ident, name) + content + bookmark_end(ident)


# ---- paragraphs and tables ---------------------------------------------------------------

def paragraph(content: str, mark: str = "", keep_next: bool = False,
              space_after_pt: float | None = None, indent_hanging_cm: float | None = None,
              align: str | None = None, page_break_before: bool = False) -> str:
    """``w:p``; ``mark`` is a revision on the paragraph mark (``w:pPr/w:rPr``)."""
    ppr = ""
    if (keep_next or page_break_before or space_after_pt is not None or mark
            or indent_hanging_cm or align):
        ppr = ("<w:pPr>" + ("<w:keepNext/>" if keep_next else "")
               + ("<w:pageBreakBefore/>" if page_break_before else ""))
        if space_after_pt is not None:
            ppr += f'<w:spacing w:after="{round(space_after_pt * 20)}"/>'
        if indent_hanging_cm:
            tw = twips(indent_hanging_cm)
            ppr += f'<w:ind w:left="{tw}" w:hanging="{tw}"/>'
        if align:
            ppr += f'<w:jc w:val="{align}"/>'
        if mark:
            ppr += f"<w:rPr>{mark}</w:rPr>"
        ppr += "</w:pPr>"
    return f"<w:p>{ppr}{content}</w:p>"


def cell(width_cm: float, content: str, shade: str | None = None) -> str:
    """``w:tc`` with its width (and shade) holding paragraphs."""
    shd = f'<w:shd w:val="clear" w:color="auto" w:fill="{shade}"/>' if shade else ""
    return (f'<w:tc><w:tcPr><w:tcW w:w="{twips(width_cm)}" w:type="dxa"/>{shd}'
            f"</w:tcPr>{content}</w:tc>")


def row(cells: Sequence[str], header: bool = False, cant_split: bool = False) -> str:
    """``w:tr``: repeated atop each page when ``header``; kept on one page when ``cant_split``."""
    trpr = f'<w:trPr><w:cantSplit w:val="{int(cant_split)}"/>' + (
        "<w:tblHeader/>" if header else "")
    return f"<w:tr>{trpr}</w:trPr>{''.join(cells)}</w:tr>"


def table(widths_cm: Sequence[float], rows: Sequence[str], declare_ns: bool = True,
          borders: bool = True) -> str:
    """``w:tbl`` with fixed widths and thin borders (declaring ``w`` when parsed alone)."""
    return table_start(widths_cm, declare_ns, borders) + "".join(rows) + "</w:tbl>"


def table_start(widths_cm: Sequence[float], declare_ns: bool = False, borders: bool = True
                ) -> str:
    """The opening of a ``w:tbl``: properties and grid, before its rows."""
    lines = "".join(f'<w:{s} w:val="single" w:sz="4" w:space="0" w:color="999999"/>'
                    for s in ("top", "left", "bottom", "right", "insideH", "insideV"))
    grid = "".join(f'<w:gridCol w:w="{twips(w)}"/>' for w in widths_cm)
    total = sum(twips(w) for w in widths_cm)
    ns = f' xmlns:w="{W_NS}"' if declare_ns else ""
    edges = f"<w:tblBorders>{lines}</w:tblBorders>" if borders else ""
    return (f'<w:tbl{ns}><w:tblPr><w:tblW w:w="{total}" w:type="dxa"/>{edges}'
            f'<w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>{grid}</w:tblGrid>')


# ---- other parts -------------------------------------------------------------------------

def font(name: str, alt_name: str, charset: str, family: str = "roman",
         pitch: str = "variable") -> str:
    """A ``w:font`` of the font table."""
    return (f"<w:font w:name={quoteattr(name)}><w:altName w:val={quoteattr(alt_name)}/>"
            f'<w:charset w:val="{charset}"/><w:family w:val="{family}"/>'
            f'<w:pitch w:val="{pitch}"/></w:font>')


def on_off(tag: str, val: str | None = None) -> str:
    """An empty element such as ``w:trackRevisions`` (with ``w:val`` when given)."""
    return f'<w:{tag} w:val="{val}"/>' if val is not None else f"<w:{tag}/>"


def spacing(after_pt: float | None = None, line_240ths: int | None = None) -> str:
    """``w:spacing``: space after a paragraph, and its line height in 240ths ("auto")."""
    attrs = f' w:after="{round(after_pt * 20)}"' if after_pt is not None else ""
    if line_240ths is not None:
        attrs += f' w:line="{line_240ths}" w:lineRule="auto"'
    return f"<w:spacing{attrs}/>"


# ---- into a tree -------------------------------------------------------------------------

def fragment(markup: str) -> list[Element]:
    """The elements ``markup`` holds, parsed once (``w`` declared for them)."""
    return list(etree.fromstring(f'<w:body xmlns:w="{W_NS}">{markup}</w:body>'))


def element(markup: str) -> Element:
    """The one element ``markup`` holds."""
    return fragment(markup)[0]


def append(parent: Element, markup: str) -> list[Element]:
    """Parse ``markup`` (runs, paragraphs, tables) and append what it holds to ``parent``."""
    found = fragment(markup)
    parent.extend(found)
    return found


_DECLARED = f' xmlns:w="{W_NS}"'


def as_written(markup: str) -> str:
    """``markup`` as lxml writes it in a part that declares ``w`` (parsed and written once).

    What a writer streams this way is byte for byte what it would be in the part's tree,
    without building the tree: a large body is then neither moved into python-docx's tree
    nor compressed twice (see ``package``).
    """
    return "".join(etree.tostring(e, encoding="unicode").replace(_DECLARED, "", 1)
                   for e in fragment(markup))


def text_run(parent: Element, text: str, lang: Lang | None, fonts: Fonts, deleted: bool = False,
             **style: object) -> Element:
    """Append ``run(...)`` to the paragraph ``parent``; returns the ``w:r``."""
    return append(parent, run(text, lang, fonts, deleted, **style))[0]  # type: ignore[arg-type]


def insert_ordered(parent: Element, markup: str, order: Sequence[str]) -> Element:
    """Insert the element of ``markup`` into ``parent`` where the schema's ``order`` puts it.

    It goes after every child that ``order`` names before it; children ``order`` does not
    know are taken to come before (our lists stop at the last element we add).
    """
    child = element(markup)
    name = etree.QName(child).localname
    later = set(order[order.index(name) + 1:])
    index = 0
    for i, existing in enumerate(parent):
        if etree.QName(existing).localname not in later:
            index = i + 1
        else:
            break
    parent.insert(index, child)
    return child


def child(parent: Element, tag: str, order: Sequence[str]) -> Element:
    """The child ``w:tag`` of ``parent``, added where ``order`` puts it if there is none."""
    found = parent.find(qn(f"w:{tag}"))
    return found if found is not None else insert_ordered(parent, f"<w:{tag}/>", order)


def qn(tag: str) -> str:
    """``w:p`` as lxml names it (Clark notation)."""
    prefix, _, local = tag.partition(":")
    if prefix != "w":
        raise ValueError(f"only w: names here, not {tag}")
    return f"{{{W_NS}}}{local}"
