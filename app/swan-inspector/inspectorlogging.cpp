#include "inspectorlogging.h"

Q_LOGGING_CATEGORY(lcInspector, "swan.inspector")
