#pragma once

#include <QColor>
#include <QString>

namespace AT {

// The colour of an event category, the same on the timeline, in charts and in exports, in every run.
QColor categoryColor(const QString &category);

} // namespace AT
