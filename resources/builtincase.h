#pragma once

#include <QString>

namespace AT {
// The resource path of the case compiled into the app (the APT31 case of March 2024).
QString builtinCasePath();
} // namespace AT
