#include "reimport.h"

#include "anchoring.h"

#include <algorithm>
#include <type_traits>

namespace AT {

namespace Reimporting {

QString named(const QString &text)
{
    constexpr qsizetype Max = 60;
    const QString simple = text.simplified();
    return QStringLiteral("\u201c%1\u201d")
        .arg(simple.size() > Max ? simple.left(Max - 1) + QStringLiteral("\u2026") : simple);
}

template<typename T, typename U> constexpr bool IsA = std::is_same_v<std::remove_const_t<T>, U>;

// Calls f(where, citations) for every list of citations an entity holds; where() names the list in
// words (made only when asked for). The lists are as const as the entity.
template<typename A, typename F>
requires IsA<A, Actor>
void forEachList(A &a, const Case &kase, F &&f)
{
    f([&]() -> QString { return QStringLiteral("actor ") + named(a.name); }, a.citations);
    for (auto &alias : a.aliases) {
        f([&]() -> QString { return QStringLiteral("alias %1 of actor %2").arg(named(alias.name), named(a.name)); },
          alias.citations);
    }
    for (auto &tie : a.affiliations) {
        f(
            [&]() -> QString {
                const Actor *other = kase.actor(tie.actorId);
                return QStringLiteral("affiliation of actor %1 (%2 %3)")
                    .arg(named(a.name), tie.relation, named(other ? other->name : tie.actorId));
            },
            tie.citations);
    }
}

template<typename E, typename F>
requires IsA<E, Event>
void forEachList(E &e, const Case &, F &&f)
{
    f([&]() -> QString { return QStringLiteral("event ") + named(e.title); }, e.citations);
    f([&]() -> QString { return QStringLiteral("date of event ") + named(e.title); }, e.date.provenanceCitations());
}

template<typename C, typename F>
requires IsA<C, Claim>
void forEachList(C &c, const Case &, F &&f)
{
    f([&]() -> QString { return QStringLiteral("claim ") + named(c.statement); }, c.citations);
    f([&]() -> QString { return QStringLiteral("date of claim ") + named(c.statement); }, c.date.provenanceCitations());
}

template<typename D, typename F>
requires IsA<D, Disagreement>
void forEachList(D &d, const Case &, F &&f)
{
    for (auto &v : d.versions) {
        f(
            [&]() -> QString {
                return QStringLiteral("version %1 of disagreement %2").arg(named(v.statement), named(d.question));
            },
            v.citations);
    }
}

// Calls f(kind, entity) for every entity that may hold citations, in the case's order.
template<typename F> void forEachEntity(const Case &kase, F &&f)
{
    for (const Actor &a : kase.actors) {
        f(EntityKind::Actor, a);
    }
    for (const Event &e : kase.events) {
        f(EntityKind::Event, e);
    }
    for (const Claim &c : kase.claims) {
        f(EntityKind::Claim, c);
    }
    for (const Disagreement &d : kase.disagreements) {
        f(EntityKind::Disagreement, d);
    }
}

bool cites(const auto &entity, const Case &kase, const QString &sourceId)
{
    bool found = false;
    forEachList(entity, kase, [&](const auto &, const QList<Citation> &citations) {
        found = found || std::any_of(citations.cbegin(), citations.cend(), [&](const Citation &c) {
                    return c.sourceId == sourceId;
                });
    });
    return found;
}

qsizetype codePoints(const QString &text)
{
    qsizetype n = text.size();
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text[i].isHighSurrogate() && text[i + 1].isLowSurrogate()) {
            --n;
            ++i;
        }
    }
    return n;
}

// Anchors a citation of the re-imported source in its new text: a re-anchored one moves, with its
// context taken again from the new text (*moved); any other keeps its position and takes the new
// status (*restated when it changed), so that the window shows a broken citation as broken at once,
// not at the next load.
void reanchor(Citation &c, const TextIndex &index, bool *moved, bool *restated)
{
    const AnchorResult result = anchorCitation(c, index);
    if (result.anchor != Citation::Anchor::Reanchored) {
        if (c.anchor != result.anchor) {
            c.anchor = result.anchor;
            *restated = true;
        }
        return;
    }
    c.start = result.start;
    c.end = result.end;
    // The context it was found by is the old text's; take it again from the new one.
    if (!c.prefix.isEmpty()) {
        c.prefix = contextBefore(index, c.start, int(codePoints(c.prefix)));
    }
    if (!c.suffix.isEmpty()) {
        c.suffix = contextAfter(index, c.end, int(codePoints(c.suffix)));
    }
    c.anchor = Citation::Anchor::Exact;
    c.statedStart = -1;
    c.statedEnd = -1;
    *moved = true;
}

} // namespace Reimporting

int ReimportPreview::count(Citation::Anchor status) const
{
    switch (status) {
    case Citation::Anchor::Exact:
        return exact;
    case Citation::Anchor::Reanchored:
        return reanchored;
    case Citation::Anchor::Ambiguous:
        return ambiguous;
    case Citation::Anchor::Orphaned:
        return orphaned;
    case Citation::Anchor::Unchecked:
    case Citation::Anchor::ReferenceOnly: // a status against no text: never one against the new text
        break;
    }
    return 0;
}

ReimportPreview previewReimport(const Case &kase, const QString &sourceId, const QString &newText)
{
    using namespace Reimporting;
    ReimportPreview preview;
    preview.sourceId = sourceId;
    const Source *source = kase.source(sourceId);
    if (!source) {
        preview.error = QStringLiteral("The case has no source \u201c%1\u201d to re-import.").arg(sourceId);
        return preview;
    }
    preview.textChanged = source->text != newText;
    preview.wasReferenceOnly = source->referenceOnly;
    // A reference may name its text by hash: say when the file is not that text.
    preview.hashDiffers = source->referenceOnly && !source->sha256.isEmpty()
        && source->sha256.compare(sha256Hex(newText), Qt::CaseInsensitive) != 0;
    const TextIndex index(newText);
    auto check = [&](EntityKind kind, const QString &entityId, const QString &where, const Citation &c) {
        ReimportCitation item;
        item.kind = kind;
        item.entityId = entityId;
        item.where = where;
        item.citation = c;
        const AnchorResult result = anchorCitation(c, index);
        item.status = result.anchor;
        if (result.anchor == Citation::Anchor::Exact || result.anchor == Citation::Anchor::Reanchored) {
            item.newStart = result.start;
            item.newEnd = result.end;
        }
        switch (result.anchor) {
        case Citation::Anchor::Exact:
            ++preview.exact;
            break;
        case Citation::Anchor::Reanchored:
            ++preview.reanchored;
            break;
        case Citation::Anchor::Ambiguous:
            ++preview.ambiguous;
            break;
        case Citation::Anchor::Orphaned:
        case Citation::Anchor::Unchecked: // without a budget the search always decides
        case Citation::Anchor::ReferenceOnly: // anchorCitation never says so
            item.status = Citation::Anchor::Orphaned;
            ++preview.orphaned;
            break;
        }
        preview.citations << item;
    };
    forEachEntity(kase, [&](EntityKind kind, const auto &entity) {
        forEachList(entity, kase, [&](const auto &where, const QList<Citation> &citations) {
            for (const Citation &c : citations) {
                if (c.sourceId == sourceId) {
                    check(kind, entity.id, where(), c);
                }
            }
        });
    });
    // The passages marked reviewed move with the text as citations do.
    for (const ReviewedPassage &r : kase.reviewed) {
        if (r.passage.sourceId == sourceId) {
            check(EntityKind::Reviewed, QString(),
                  QStringLiteral("passage marked reviewed (%1)").arg(reviewReasonName(r.reason)), r.passage);
        }
    }
    return preview;
}

CaseEdit reimportEdit(const Case &kase, const QString &sourceId, const QString &newText, const DatePoint &retrieved)
{
    using namespace Reimporting;
    const Source *old = kase.source(sourceId);
    CaseEdit edit(kase, QStringLiteral("Re-import source %1").arg(old ? named(displayTitle(*old)) : sourceId));
    if (!old) {
        return edit;
    }
    Source source = *old;
    source.text = newText;
    source.sha256 = sha256Hex(newText);
    source.referenceOnly = false; // the case holds the text now: its citations are checked against it
    if (retrieved.isValid()) {
        source.retrieved = retrieved;
    }
    edit.replace(source);
    const TextIndex index(newText);
    forEachEntity(kase, [&](EntityKind, const auto &original) {
        if (!cites(original, kase, sourceId)) {
            return;
        }
        auto entity = original;
        bool moved = false;
        bool restated = false;
        forEachList(entity, kase, [&](const auto &, QList<Citation> &citations) {
            for (Citation &c : citations) {
                if (c.sourceId == sourceId) {
                    reanchor(c, index, &moved, &restated);
                }
            }
        });
        if (moved || restated) {
            edit.replace(entity, restated);
        }
    });
    ReviewedList reviewed {kase.reviewed};
    bool moved = false;
    bool restated = false;
    for (ReviewedPassage &r : reviewed.passages) {
        if (r.passage.sourceId == sourceId) {
            reanchor(r.passage, index, &moved, &restated);
        }
    }
    if (moved || restated) {
        edit.replace(reviewed, restated);
    }
    return edit;
}

QString reimportStatusName(Citation::Anchor status)
{
    switch (status) {
    case Citation::Anchor::Exact:
        return QStringLiteral("same place");
    case Citation::Anchor::Reanchored:
        return QStringLiteral("moves");
    case Citation::Anchor::Ambiguous:
        return QStringLiteral("ambiguous");
    case Citation::Anchor::Orphaned:
        return QStringLiteral("not found");
    case Citation::Anchor::ReferenceOnly:
        return anchorName(status);
    case Citation::Anchor::Unchecked:
        break;
    }
    return QStringLiteral("unchecked");
}

} // namespace AT
