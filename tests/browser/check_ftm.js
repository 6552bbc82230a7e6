#!/usr/bin/env node
// Checks FollowTheMoney entities (JSON lines, as `--export ftm` writes them) with Aleph's own model
// (npm @alephdata/followthemoney, the schemata Aleph's interface uses): every schema exists and is
// not abstract, every property exists on its schema, every entity-valued property names an entity of
// the file whose schema the property's range accepts, dates are ISO prefixes (2021, 2021-03,
// 2021-03-25), ids are unique, and each entity has its schema's required properties.
//   node check_ftm.js FILE...        exit 0 when every file passes, 1 otherwise (problems printed)
'use strict';
const fs = require('fs');
let ftm;
try {
  ftm = require('@alephdata/followthemoney');
} catch (e) {
  console.error('check_ftm.js: @alephdata/followthemoney is not installed in tests/browser/node_modules; ' +
                'run ./build.sh test (it runs npm ci there)');
  process.exit(1);
}
const model = new ftm.Model(ftm.defaultModel);
const isoDate = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;
let failed = false;

for (const file of process.argv.slice(2)) {
  const problems = [];
  const lines = fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.length > 0);
  const entities = new Map();
  lines.forEach((line, i) => {
    let data;
    try {
      data = JSON.parse(line);
    } catch (e) {
      problems.push(`line ${i + 1}: not JSON: ${e.message}`);
      return;
    }
    if (typeof data.id !== 'string' || data.id.length === 0) {
      problems.push(`line ${i + 1}: no id`);
      return;
    }
    if (entities.has(data.id)) {
      problems.push(`line ${i + 1}: id ${data.id} used twice`);
    }
    entities.set(data.id, {data, line: i + 1});
  });
  for (const {data, line} of entities.values()) {
    let schema;
    try {
      schema = model.getSchema(data.schema);
    } catch (e) {
      problems.push(`line ${line}: ${e.message}`);
      continue;
    }
    if (schema.abstract) {
      problems.push(`line ${line}: ${data.schema} is abstract`);
    }
    const props = data.properties || {};
    for (const required of schema.required || []) {
      if (!Array.isArray(props[required]) || props[required].length === 0) {
        problems.push(`line ${line}: ${data.schema} needs "${required}"`);
      }
    }
    for (const [name, values] of Object.entries(props)) {
      let prop;
      try {
        prop = schema.getProperty(name);
      } catch (e) {
        prop = undefined;
      }
      if (!prop) {
        problems.push(`line ${line}: ${data.schema} has no property "${name}"`);
        continue;
      }
      if (!Array.isArray(values) || values.some((v) => typeof v !== 'string')) {
        problems.push(`line ${line}: ${data.schema}.${name} must be a list of strings`);
        continue;
      }
      for (const value of values) {
        if (prop.type.name === 'entity') {
          const target = entities.get(value);
          if (!target) {
            problems.push(`line ${line}: ${data.schema}.${name} names ${value}, which is not in the file`);
          } else if (prop.hasRange && !model.getSchema(target.data.schema).isA(prop.getRange())) {
            problems.push(`line ${line}: ${data.schema}.${name} must name a ${prop.getRange().name}, ` +
                          `not the ${target.data.schema} ${value}`);
          }
        } else if (prop.type.name === 'date' && !isoDate.test(value)) {
          problems.push(`line ${line}: ${data.schema}.${name} "${value}" is not an ISO date prefix`);
        } else if (prop.type.name === 'url' && !/^https?:\/\//.test(value)) {
          problems.push(`line ${line}: ${data.schema}.${name} "${value}" is not an http(s) URL`);
        }
      }
    }
  }
  if (entities.size === 0) {
    problems.push('no entities');
  }
  for (const p of problems) {
    console.error(`${file}: ${p}`);
  }
  console.log(`${file}: ${entities.size} entities, ${problems.length} problems`);
  failed = failed || problems.length > 0;
}
process.exit(failed ? 1 : 0);
