# cmake -DSWAN_BENCH=<swan-bench> -P CheckBenchJson.cmake
# Runs `swan-bench --quick --only qwebsocket,sockettask,js --json` and fails unless it succeeds
# and its last line is JSON with every key the issue names: machine, results (each with client,
# workload, median, min, max, unit, rss_mib, server_cpu, for every client and metric) and
# ratios (w1, w2p50, w2p99, w3, w3rss, w4, w4rss, w5 of each client against qwebsocket).
cmake_minimum_required(VERSION 3.21)

if(NOT SWAN_BENCH)
    message(FATAL_ERROR "pass -DSWAN_BENCH=<path to swan-bench>")
endif()

set(clients qwebsocket sockettask js)
set(metrics w1 w2p50 w2p99 w3 w4 w5)
set(ratio_keys w1 w2p50 w2p99 w3 w3rss w4 w4rss w5)
set(result_keys client workload median min max unit rss_mib server_cpu)

execute_process(
    COMMAND "${SWAN_BENCH}" --quick --only qwebsocket,sockettask,js --json
    OUTPUT_VARIABLE output
    ERROR_VARIABLE errors
    RESULT_VARIABLE status
    TIMEOUT 240)
if(NOT status EQUAL 0)
    message(FATAL_ERROR "swan-bench failed (${status}):\n${errors}\n${output}")
endif()

string(STRIP "${output}" output)
string(FIND "${output}" "\n" last_newline REVERSE)
math(EXPR json_start "${last_newline} + 1")
string(SUBSTRING "${output}" ${json_start} -1 json)

string(JSON type ERROR_VARIABLE error TYPE "${json}")
if(error OR NOT type STREQUAL "OBJECT")
    message(FATAL_ERROR "the last line is not a JSON object: ${error}\n${json}")
endif()

set(missing "")
foreach(key machine results ratios)
    string(JSON type ERROR_VARIABLE error TYPE "${json}" ${key})
    if(error)
        list(APPEND missing "${key}")
    endif()
endforeach()
if(missing)
    message(FATAL_ERROR "missing top-level keys: ${missing}")
endif()

# Every result carries every key; every client has a measured median of every metric.
string(JSON count LENGTH "${json}" results)
set(seen "")
if(count GREATER 0)
    math(EXPR last "${count} - 1")
    foreach(index RANGE ${last})
        foreach(key IN LISTS result_keys)
            string(JSON type ERROR_VARIABLE error TYPE "${json}" results ${index} ${key})
            if(error)
                list(APPEND missing "results[${index}].${key}")
            endif()
        endforeach()
        string(JSON client ERROR_VARIABLE error GET "${json}" results ${index} client)
        string(JSON metric ERROR_VARIABLE error GET "${json}" results ${index} workload)
        string(JSON type ERROR_VARIABLE error TYPE "${json}" results ${index} median)
        if(type STREQUAL "NUMBER")
            list(APPEND seen "${metric}.${client}")
        endif()
    endforeach()
endif()
foreach(client IN LISTS clients)
    foreach(metric IN LISTS metrics)
        if(NOT "${metric}.${client}" IN_LIST seen)
            list(APPEND missing "results: ${metric} of ${client}")
        endif()
    endforeach()
endforeach()

foreach(client sockettask js)
    foreach(key IN LISTS ratio_keys)
        string(JSON type ERROR_VARIABLE error TYPE "${json}" ratios "${key}.${client}")
        if(error OR NOT type STREQUAL "NUMBER")
            list(APPEND missing "ratios.${key}.${client}")
        endif()
    endforeach()
endforeach()

if(missing)
    list(JOIN missing "\n  " missing_text)
    message(FATAL_ERROR "swan-bench's JSON lacks:\n  ${missing_text}\n${json}")
endif()
message(STATUS "swan-bench --quick: ${count} results, every key present")
