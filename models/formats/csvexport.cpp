#include "csvexport.h"

#include "caseindex.h"

#include <QAbstractItemModel>
#include <QDate>

namespace AT {

QString csvField(const QString &text)
{
    // A spreadsheet runs a cell that starts with = + - @ (or a tab or carriage return ahead of
    // one) as a formula, so such a cell gets a leading apostrophe, which spreadsheets show as
    // text and hide (the OWASP rule for CSV injection).
    QString value = text;
    if (!value.isEmpty()) {
        const char16_t first = value.front().unicode();
        if (first == u'=' || first == u'+' || first == u'-' || first == u'@' || first == u'\t' || first == u'\r') {
            value.prepend(QLatin1Char('\''));
        }
    }
    if (!value.contains(QLatin1Char(',')) && !value.contains(QLatin1Char('"')) && !value.contains(QLatin1Char('\n'))
        && !value.contains(QLatin1Char('\r'))) {
        return value;
    }
    QString quoted = value;
    quoted.replace(QLatin1Char('"'), QStringLiteral("\"\""));
    return QLatin1Char('"') + quoted + QLatin1Char('"');
}

QByteArray eventsToCsv(const CaseIndex &index, const QList<qsizetype> &events)
{
    const Case &kase = index.kase();
    QString out = QStringLiteral("date,precision,start,end,title,category,actors,sources,quotes\r\n");
    const QString sep = QStringLiteral(" | ");
    for (qsizetype e : events) {
        const Event &ev = kase.events[e];
        QStringList actors;
        const auto ids = index.eventActors(e);
        const auto roles = index.eventRoles(e);
        for (size_t i = 0; i < ids.size(); ++i) {
            actors << kase.actors[ids[i]].name + QStringLiteral(" (") + index.roles()[roles[i]] + QLatin1Char(')');
        }
        QStringList sources;
        for (qint32 s : index.eventSources(e)) {
            sources << displayTitle(kase.sources[s]);
        }
        QStringList quotes;
        for (const Citation &c : ev.citations) {
            quotes << c.quote;
        }
        // "day, approximate start": which end is approximate, as "c." marks it in the date column.
        const QString approximate = ev.date.approximation();
        const QStringList fields = {ev.date.toDisplayString(),
                                    precisionName(ev.date.precision())
                                        + (approximate.isEmpty() ? QString() : QStringLiteral(", ") + approximate),
                                    ev.date.isOpenStart() ? QString() : ev.date.start().toIsoString(),
                                    ev.date.isRange() ? ev.date.end().toIsoString() : ev.date.start().toIsoString(),
                                    ev.title,
                                    ev.category,
                                    actors.join(sep),
                                    sources.join(sep),
                                    quotes.join(sep)};
        QStringList quoted;
        for (const QString &f : fields) {
            quoted << csvField(f);
        }
        out += quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    }
    return out.toUtf8();
}

QByteArray chartToCsv(const QAbstractItemModel &model, const QString &rowHeader, bool valuesAreDays)
{
    const int columns = model.columnCount();
    const bool total = columns > 1 && !valuesAreDays;
    auto line = [](const QStringList &fields) -> QString {
        QStringList quoted;
        for (const QString &f : fields) {
            quoted << csvField(f);
        }
        return quoted.join(QLatin1Char(',')) + QStringLiteral("\r\n");
    };
    QStringList header {rowHeader};
    for (int c = 0; c < columns; ++c) {
        header << model.headerData(c, Qt::Horizontal).toString();
    }
    if (total) {
        header << QStringLiteral("total");
    }
    QString out = line(header);
    for (int r = 0; r < model.rowCount(); ++r) {
        QStringList fields {model.headerData(r, Qt::Vertical).toString()};
        double sum = 0;
        for (int c = 0; c < columns; ++c) {
            const double v = model.index(r, c).data().toDouble();
            sum += v;
            fields << (valuesAreDays ? QDate::fromJulianDay(static_cast<qint64>(v)).toString(Qt::ISODate)
                                     : QString::number(v, 'g', 15));
        }
        if (total) {
            fields << QString::number(sum, 'g', 15);
        }
        out += line(fields);
    }
    return out.toUtf8();
}

} // namespace AT
