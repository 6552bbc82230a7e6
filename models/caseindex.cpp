#include "caseindex.h"

#include "casereport.h"

#include <algorithm>
#include <limits>

namespace AT {

namespace {
template<typename T> std::span<const T> slice(const QList<T> &data, const QList<qint32> &offsets, qsizetype i)
{
    return std::span<const T>(data.constData() + offsets[i], static_cast<size_t>(offsets[i + 1] - offsets[i]));
}

int intern(QStringList &names, QHash<QString, int> &numbers, const QString &name)
{
    const auto it = numbers.constFind(name);
    if (it != numbers.constEnd()) {
        return *it;
    }
    const int n = static_cast<int>(names.size());
    names.append(name);
    numbers.insert(name, n);
    return n;
}
} // namespace

QString CaseIndex::fold(QStringView text)
{
    // Plain ASCII needs neither decomposition nor full folding: lower-case it directly.
    bool ascii = true;
    for (QChar c : text) {
        if (c.unicode() > 127) {
            ascii = false;
            break;
        }
    }
    if (ascii) {
        QString out = text.toString();
        for (QChar &c : out) {
            if (c >= u'A' && c <= u'Z') {
                c = QChar(c.unicode() + 32);
            }
        }
        return out;
    }
    // Decompose, drop combining marks, then case-fold: "Ž" -> "z", "ß" -> "ss".
    const QString decomposed = text.toString().normalized(QString::NormalizationForm_KD);
    QString out;
    out.reserve(decomposed.size());
    for (QChar c : decomposed) {
        if (c.category() != QChar::Mark_NonSpacing) {
            out.append(c);
        }
    }
    // Qt folds case one character at a time, so the one common multi-character folding is done here.
    return out.toCaseFolded().replace(QChar(0x00DF), QStringLiteral("ss"));
}

CaseIndex::CaseIndex(std::shared_ptr<const Case> kase)
    : m_case(kase ? std::move(kase) : std::make_shared<const Case>())
{
    const Case &c = *m_case;
    const qsizetype n = c.events.size();
    m_chronological = chronologicalOrder(c);
    m_rank.resize(n);
    for (qsizetype r = 0; r < n; ++r) {
        m_rank[m_chronological[r]] = r;
    }

    // Per actor, the folded text an event gains by naming it: its name and every alias.
    QList<QString> actorText;
    actorText.reserve(c.actors.size());
    for (qsizetype i = 0; i < c.actors.size(); ++i) {
        const Actor &a = c.actors[i];
        m_actorNumber.insert(a.id, static_cast<int>(i));
        QString text = a.name;
        for (const Alias &alias : a.aliases) {
            text += QLatin1Char('\n') + alias.name;
        }
        actorText.append(fold(text));
    }
    for (qsizetype i = 0; i < c.sources.size(); ++i) {
        m_sourceNumber.insert(c.sources[i].id, static_cast<int>(i));
    }

    QHash<QString, int> roleNumbers;
    QHash<QString, int> categoryNumbers;
    m_category.resize(n);
    m_disputed.resize(n);
    m_earliest.resize(n);
    m_latest.resize(n);
    m_searchText.resize(n);
    m_participantOffsets.reserve(n + 1);
    m_sourceOffsets.reserve(n + 1);
    m_participantOffsets.append(0);
    m_sourceOffsets.append(0);
    QList<qint32> sources;
    for (qsizetype e = 0; e < n; ++e) {
        const Event &ev = c.events[e];
        m_category[e] = intern(m_categories, categoryNumbers, ev.category);
        m_disputed[e] = !ev.disagreements.isEmpty();
        m_earliest[e] = ev.date.isOpenStart() ? std::numeric_limits<qint64>::min() : ev.date.earliestJulianDay();
        m_latest[e] = ev.date.isOpenEnd() ? std::numeric_limits<qint64>::max() : ev.date.latestJulianDay();
        QString text = ev.title + QLatin1Char('\n') + ev.summary + QLatin1Char('\n') + ev.category;
        for (const QString &tag : ev.tags) {
            text += QLatin1Char('\n') + tag;
        }
        for (const Citation &cit : ev.citations) {
            text += QLatin1Char('\n') + cit.quote;
        }
        QString folded = fold(text);
        for (const Participant &p : ev.participants) {
            const int actor = m_actorNumber.value(p.actorId, -1);
            if (actor < 0) {
                continue;
            }
            m_participantActors.append(actor);
            m_participantRoles.append(intern(m_roles, roleNumbers, p.role));
            folded += QLatin1Char('\n') + actorText[actor];
        }
        m_participantOffsets.append(static_cast<qint32>(m_participantActors.size()));
        m_searchText[e] = std::move(folded);

        sources.clear();
        for (const Citation &cit : ev.citations) {
            const int s = m_sourceNumber.value(cit.sourceId, -1);
            if (s >= 0) {
                sources.append(s);
            }
        }
        std::sort(sources.begin(), sources.end());
        sources.erase(std::unique(sources.begin(), sources.end()), sources.end());
        m_sources.append(sources);
        m_sourceOffsets.append(static_cast<qint32>(m_sources.size()));
    }
}

std::span<const qint32> CaseIndex::eventActors(qsizetype event) const
{
    return slice(m_participantActors, m_participantOffsets, event);
}

std::span<const qint32> CaseIndex::eventRoles(qsizetype event) const
{
    return slice(m_participantRoles, m_participantOffsets, event);
}

std::span<const qint32> CaseIndex::eventSources(qsizetype event) const
{
    return slice(m_sources, m_sourceOffsets, event);
}

} // namespace AT
