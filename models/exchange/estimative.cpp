#include "estimative.h"

#include <QHash>
#include <QList>
#include <QSet>

namespace AT {

namespace {

EstimativeTerm estTerm(std::initializer_list<const char *> words, int low, int high)
{
    EstimativeTerm t;
    for (const char *w : words) {
        t.words << QString::fromUtf8(w);
    }
    t.lowPercent = low;
    t.highPercent = high;
    return t;
}

// The UK yardstick. Source: Professional Head of Intelligence Assessment (PHIA), "Explaining
// Uncertainty in UK Intelligence Assessment", GOV.UK guidance published 24 March 2025,
// https://www.gov.uk/government/publications/explaining-uncertainty-in-uk-intelligence-assessment/explaining-uncertainty-in-uk-intelligence-assessment
// Checked: the page's introduction (seven ranges, terms instead of numbers); its table itself could
// not be read with the tools at hand, so the seven terms and ranges were checked against copies of
// the current yardstick that agree with each other (see docs/estimative-language.md). The gaps
// between ranges (5–10%, 20–25%, ...) are the yardstick's own: no term covers them.
EstimativeScale makePhia()
{
    EstimativeScale s;
    s.id = EstimativeScaleId::Phia;
    s.name = QStringLiteral("UK PHIA probability yardstick");
    s.shortName = QStringLiteral("PHIA");
    s.publication
        = QStringLiteral("Professional Head of Intelligence Assessment (UK Cabinet Office), "
                         "\u201cExplaining Uncertainty in UK Intelligence Assessment\u201d, GOV.UK, 24 March 2025");
    s.url = QStringLiteral("https://www.gov.uk/government/publications/explaining-uncertainty-in-uk-intelligence-"
                           "assessment/explaining-uncertainty-in-uk-intelligence-assessment");
    s.checked = QStringLiteral("Terms and ranges checked against copies of the current yardstick; the GOV.UK table "
                               "itself could not be read when this was written.");
    s.terms = {
        estTerm({"remote chance"}, 0, 5),        estTerm({"highly unlikely"}, 10, 20),
        estTerm({"unlikely"}, 25, 35),           estTerm({"realistic possibility"}, 40, 50),
        estTerm({"likely", "probably"}, 55, 75), // printed "Likely or probably"
        estTerm({"highly likely"}, 80, 90),      estTerm({"almost certain"}, 95, 100),
    };
    return s;
}

// The US terms. Source: Office of the Director of National Intelligence, Intelligence Community
// Directive 203 "Analytic Standards", January 2015, https://www.dni.gov/files/documents/ICD/ICD-203.pdf
// ("For expressions of likelihood or probability, an analytic product must use one of the
// following sets of terms"). Checked: the dni.gov PDF could not be fetched; the table was checked
// against two copies that quote the directive and agree term for term and band for band.
EstimativeScale makeIcd203()
{
    EstimativeScale s;
    s.id = EstimativeScaleId::Icd203;
    s.name = QStringLiteral("US ICD 203 likelihood terms");
    s.shortName = QStringLiteral("ICD 203");
    s.publication = QStringLiteral("Office of the Director of National Intelligence, Intelligence Community "
                                   "Directive 203 \u201cAnalytic Standards\u201d, January 2015");
    s.url = QStringLiteral("https://www.dni.gov/files/documents/ICD/ICD-203.pdf");
    s.checked = QStringLiteral("Terms and bands checked against two copies quoting the directive; the dni.gov PDF "
                               "itself could not be read when this was written.");
    s.terms = {
        estTerm({"almost no chance", "remote"}, 1, 5),
        estTerm({"very unlikely", "highly improbable"}, 5, 20),
        estTerm({"unlikely", "improbable", "improbably"}, 20, 45),
        estTerm({"roughly even chance", "roughly even odds"}, 45, 55),
        estTerm({"likely", "probable", "probably"}, 55, 80),
        estTerm({"very likely", "highly probable"}, 80, 95),
        estTerm({"almost certain", "almost certainly", "nearly certain"}, 95, 99),
    };
    return s;
}

bool estIsEdgePunctuation(QChar c)
{
    static const QString chars = QStringLiteral(".,;:!?\"'()[]{}\u00ab\u00bb\u201c\u201d\u201e\u2018\u2019\u201a");
    return chars.contains(c);
}

// The names a nation goes by in a case, lower case with straight apostrophes. A country's name
// alone ("Britain"), or with "government" ("UK government", "government of the United States"),
// or an adjective with "government" ("British government").
const QStringList &estNationNames(SpeakerNation nation)
{
    static const QStringList uk = {
        QStringLiteral("united kingdom"),
        QStringLiteral("united kingdom of great britain and northern ireland"),
        QStringLiteral("uk"),
        QStringLiteral("u.k."),
        QStringLiteral("great britain"),
        QStringLiteral("britain"),
        QStringLiteral("hm government"),
        QStringLiteral("hmg"),
        QStringLiteral("his majesty's government"),
        QStringLiteral("her majesty's government"),
    };
    static const QStringList us = {
        QStringLiteral("united states"),
        QStringLiteral("united states of america"),
        QStringLiteral("us"),
        QStringLiteral("u.s."),
        QStringLiteral("usa"),
        QStringLiteral("u.s.a."),
        QStringLiteral("america"),
    };
    static const QStringList none;
    return nation == SpeakerNation::UnitedKingdom ? uk : nation == SpeakerNation::UnitedStates ? us : none;
}

const QStringList &estNationAdjectives(SpeakerNation nation)
{
    static const QStringList uk = {QStringLiteral("british")};
    static const QStringList us = {QStringLiteral("american")};
    static const QStringList none;
    return nation == SpeakerNation::UnitedKingdom ? uk : nation == SpeakerNation::UnitedStates ? us : none;
}

QString estNormalName(QStringView name)
{
    QString n = name.toString().toLower().simplified();
    n.replace(QChar(0x2019), QLatin1Char('\''));
    return n;
}

QString estStripThe(const QString &n)
{
    return n.startsWith(QLatin1String("the ")) ? n.mid(4) : n;
}

bool estIsNationAnchor(const Actor &actor, SpeakerNation nation)
{
    const QString kind = actor.kind.trimmed().toLower();
    if (kind != QLatin1String("country") && kind != QLatin1String("government")) {
        return false;
    }
    if (nameDenotesNation(actor.name, nation)) {
        return true;
    }
    for (const Alias &alias : actor.aliases) {
        if (nameDenotesNation(alias.name, nation)) {
            return true;
        }
    }
    return false;
}

SpeakerNation estAnchorNation(const Actor &actor)
{
    const bool uk = estIsNationAnchor(actor, SpeakerNation::UnitedKingdom);
    const bool us = estIsNationAnchor(actor, SpeakerNation::UnitedStates);
    if (uk == us) {
        return SpeakerNation::Unknown; // neither, or a name that says both
    }
    return uk ? SpeakerNation::UnitedKingdom : SpeakerNation::UnitedStates;
}

std::optional<EstimativeScaleId> estScaleNamedIn(const QString &yardstick)
{
    const QString y = yardstick.toLower().simplified();
    if (y.contains(QLatin1String("phia")) || y.contains(QLatin1String("professional head of intelligence"))) {
        return EstimativeScaleId::Phia;
    }
    QString compact = y;
    compact.remove(QLatin1Char(' ')).remove(QLatin1Char('-'));
    if (compact.contains(QLatin1String("icd203"))
        || compact.contains(QLatin1String("intelligencecommunitydirective203"))) {
        return EstimativeScaleId::Icd203;
    }
    return std::nullopt;
}

} // namespace

const EstimativeScale &phiaYardstick()
{
    static const EstimativeScale s = makePhia();
    return s;
}

const EstimativeScale &icd203Likelihood()
{
    static const EstimativeScale s = makeIcd203();
    return s;
}

const EstimativeScale &estimativeScale(EstimativeScaleId id)
{
    return id == EstimativeScaleId::Phia ? phiaYardstick() : icd203Likelihood();
}

QString normalizedWording(QStringView wording)
{
    QString w = wording.toString().toLower();
    w.replace(QChar(0x2019), QLatin1Char('\'')).replace(QChar(0x2018), QLatin1Char('\''));
    w.replace(QChar(0x201c), QLatin1Char('"')).replace(QChar(0x201d), QLatin1Char('"'));
    w = w.simplified();
    qsizetype begin = 0;
    qsizetype end = w.size();
    while (begin < end && (estIsEdgePunctuation(w[begin]) || w[begin].isSpace())) {
        ++begin;
    }
    while (end > begin && (estIsEdgePunctuation(w[end - 1]) || w[end - 1].isSpace())) {
        --end;
    }
    return w.mid(begin, end - begin);
}

const EstimativeTerm *matchEstimativeTerm(const EstimativeScale &scale, QStringView wording)
{
    const QString w = normalizedWording(wording);
    if (w.isEmpty()) {
        return nullptr;
    }
    for (const EstimativeTerm &term : scale.terms) {
        if (term.words.contains(w)) {
            return &term;
        }
    }
    return nullptr;
}

bool nameDenotesNation(QStringView name, SpeakerNation nation)
{
    const QString n = estStripThe(estNormalName(name));
    if (n.isEmpty()) {
        return false;
    }
    const QStringList &names = estNationNames(nation);
    if (names.contains(n)) {
        return true;
    }
    const QLatin1String govSuffix(" government");
    const QLatin1String govPrefix("government of ");
    if (n.endsWith(govSuffix)) {
        const QString stem = estStripThe(n.chopped(govSuffix.size()));
        return names.contains(stem) || estNationAdjectives(nation).contains(stem);
    }
    if (n.startsWith(govPrefix)) {
        return names.contains(estStripThe(n.mid(govPrefix.size())));
    }
    return false;
}

SpeakerNation speakerNation(const Case &kase, const QString &actorId, QString *path)
{
    if (path) {
        path->clear();
    }
    QHash<QString, const Actor *> byId;
    for (const Actor &a : kase.actors) {
        byId.insert(a.id, &a);
    }
    const Actor *start = byId.value(actorId);
    if (!start) {
        return SpeakerNation::Unknown;
    }
    // Breadth first through the affiliations; a nation's own ties (an ally, a partner) do not make
    // its words another nation's, so the walk stops at each actor that is a nation.
    QHash<QString, QString> parent;
    QList<const Actor *> queue {start};
    parent.insert(start->id, QString());
    QSet<SpeakerNation> found;
    const Actor *firstAnchor = nullptr;
    for (qsizetype i = 0; i < queue.size(); ++i) {
        const Actor *a = queue[i];
        const SpeakerNation n = estAnchorNation(*a);
        if (n != SpeakerNation::Unknown) {
            found.insert(n);
            if (!firstAnchor) {
                firstAnchor = a;
            }
            continue;
        }
        for (const Affiliation &aff : a->affiliations) {
            const Actor *next = byId.value(aff.actorId);
            if (next && !parent.contains(next->id)) {
                parent.insert(next->id, a->id);
                queue.append(next);
            }
        }
    }
    if (found.size() != 1) {
        return SpeakerNation::Unknown;
    }
    if (path) {
        QStringList names;
        for (QString id = firstAnchor->id; !id.isEmpty(); id = parent.value(id)) {
            names.prepend(byId.value(id)->name);
        }
        *path = names.join(QStringLiteral(" \u2192 "));
    }
    return *found.cbegin();
}

QString EstimativeBand::label() const
{
    return QStringLiteral("%1: %2\u2013%3%").arg(scaleShortName).arg(lowPercent).arg(highPercent);
}

QString EstimativeBand::toolTip() const
{
    return QStringLiteral("On the %1, \u201c%2\u201d stands for %3\u2013%4%.\n%5.\nSource: %6 (%7)\n"
                          "A reading aid: the words are the source's; whether the speaker used this yardstick "
                          "is not known.")
        .arg(scaleName, term)
        .arg(lowPercent)
        .arg(highPercent)
        .arg(why, publication, url);
}

std::optional<EstimativeBand> estimativeBand(const Case &kase, const Claim &claim)
{
    if (normalizedWording(claim.confidence).isEmpty()) {
        return std::nullopt;
    }
    std::optional<EstimativeScaleId> scaleId;
    QString why;
    if (!claim.yardstick.trimmed().isEmpty()) {
        scaleId = estScaleNamedIn(claim.yardstick);
        if (!scaleId) {
            return std::nullopt; // another yardstick: its own number, if any, stands
        }
        why = QStringLiteral("The case names the yardstick: %1").arg(claim.yardstick.simplified());
    } else {
        QString path;
        const SpeakerNation nation = speakerNation(kase, claim.attributorId, &path);
        if (nation == SpeakerNation::Unknown) {
            return std::nullopt;
        }
        scaleId = nation == SpeakerNation::UnitedKingdom ? EstimativeScaleId::Phia : EstimativeScaleId::Icd203;
        why = QStringLiteral("The speaker is %1: %2")
                  .arg(nation == SpeakerNation::UnitedKingdom ? QStringLiteral("British") : QStringLiteral("American"),
                       path);
    }
    const EstimativeScale &scale = estimativeScale(*scaleId);
    const EstimativeTerm *term = matchEstimativeTerm(scale, claim.confidence);
    if (!term) {
        return std::nullopt;
    }
    EstimativeBand band;
    band.scale = scale.id;
    band.scaleName = scale.name;
    band.scaleShortName = scale.shortName;
    band.publication = scale.publication;
    band.url = scale.url;
    band.term = normalizedWording(claim.confidence);
    band.lowPercent = term->lowPercent;
    band.highPercent = term->highPercent;
    band.why = why;
    return band;
}

} // namespace AT
