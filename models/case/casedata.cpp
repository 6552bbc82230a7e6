#include "casedata.h"

#include <QCryptographicHash>

#include <algorithm>

namespace AT {

QString sha256Hex(const QString &text)
{
    return QString::fromLatin1(QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256).toHex());
}

QString displayTitle(const Source &source)
{
    const QString title = source.title.simplified();
    if (!title.isEmpty()) {
        return title;
    }
    if (source.referenceOnly) {
        // No text to take words from, and no headline to make up: where it is, or its id.
        const QString url = source.url.simplified();
        return (url.isEmpty() ? source.id : url) + QStringLiteral(" (reference only, no title given)");
    }
    // The first words of the text, cut at a word within the first line.
    constexpr qsizetype MaxChars = 60;
    const QString text = source.text.left(4 * MaxChars).section(QLatin1Char('\n'), 0, 0).simplified();
    QString words;
    for (const QString &word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        if (!words.isEmpty() && words.size() + 1 + word.size() > MaxChars) {
            words += QStringLiteral("\u2026");
            break;
        }
        words += (words.isEmpty() ? QString() : QStringLiteral(" ")) + word;
    }
    if (words.isEmpty()) {
        words = source.id;
    }
    return words + QStringLiteral(" (no headline)");
}

QString reviewReasonName(ReviewReason reason)
{
    switch (reason) {
    case ReviewReason::Boilerplate:
        return QStringLiteral("boilerplate");
    case ReviewReason::Opinion:
        return QStringLiteral("opinion");
    case ReviewReason::Duplicate:
        return QStringLiteral("duplicate");
    case ReviewReason::OutOfScope:
        return QStringLiteral("out-of-scope");
    case ReviewReason::Background:
        return QStringLiteral("background");
    }
    return {};
}

QList<ReviewReason> reviewReasons()
{
    return {ReviewReason::Boilerplate, ReviewReason::Opinion, ReviewReason::Duplicate, ReviewReason::OutOfScope,
            ReviewReason::Background};
}

std::optional<ReviewReason> reviewReasonFromName(QStringView name)
{
    for (const ReviewReason reason : reviewReasons()) {
        if (name == reviewReasonName(reason)) {
            return reason;
        }
    }
    return std::nullopt;
}

namespace {
template<typename T> const T *findById(const QList<T> &list, QStringView id)
{
    const auto it = std::find_if(list.cbegin(), list.cend(), [id](const T &item) { return item.id == id; });
    return it == list.cend() ? nullptr : &*it;
}
} // namespace

const Source *Case::source(QStringView id) const
{
    return findById(sources, id);
}

const Actor *Case::actor(QStringView id) const
{
    return findById(actors, id);
}

const Event *Case::event(QStringView id) const
{
    return findById(events, id);
}

const Claim *Case::claim(QStringView id) const
{
    return findById(claims, id);
}

const Disagreement *Case::disagreement(QStringView id) const
{
    return findById(disagreements, id);
}

bool Case::isDisputed(const Event &event) const
{
    return std::any_of(event.disagreements.cbegin(), event.disagreements.cend(), [this](const QString &id) {
        const Disagreement *d = disagreement(id);
        return !d || d->kind == Disagreement::Kind::Conflict;
    });
}

QString disagreementKindName(Disagreement::Kind kind)
{
    switch (kind) {
    case Disagreement::Kind::Conflict:
        return QStringLiteral("conflict");
    case Disagreement::Kind::Specificity:
        return QStringLiteral("specificity");
    }
    return {};
}

std::optional<Disagreement::Kind> disagreementKindFromName(QStringView name)
{
    for (auto kind : {Disagreement::Kind::Conflict, Disagreement::Kind::Specificity}) {
        if (name == disagreementKindName(kind)) {
            return kind;
        }
    }
    return std::nullopt;
}

QString disagreementKindText(Disagreement::Kind kind)
{
    switch (kind) {
    case Disagreement::Kind::Conflict:
        return QStringLiteral("The accounts conflict");
    case Disagreement::Kind::Specificity:
        return QStringLiteral("Not a conflict: one account is only less specific than another");
    }
    return {};
}

QString disagreementKindLabel(Disagreement::Kind kind)
{
    switch (kind) {
    case Disagreement::Kind::Conflict:
        return QStringLiteral("Disputed");
    case Disagreement::Kind::Specificity:
        return QStringLiteral("Less specific (not a conflict)");
    }
    return {};
}

} // namespace AT
