# cmake -P script behind the package_consumer test (see CMakeLists.txt for the variables).
# Every step starts from scratch, so a stale prefix or consumer build cannot hide a fault.
foreach(variable PROJECT_BUILD_DIR CONSUMER_SOURCE_DIR WORK_DIR GENERATOR)
    if(NOT DEFINED ${variable} OR "${${variable}}" STREQUAL "")
        message(FATAL_ERROR "RunConsumer.cmake needs -D${variable}=...")
    endif()
endforeach()

set(prefix ${WORK_DIR}/prefix)
set(consumer_build ${WORK_DIR}/build)
file(REMOVE_RECURSE ${WORK_DIR})
file(MAKE_DIRECTORY ${WORK_DIR})

function(run_step name)
    execute_process(COMMAND ${ARGN} RESULT_VARIABLE result OUTPUT_VARIABLE output
                    ERROR_VARIABLE output)
    if(NOT result EQUAL 0)
        message(FATAL_ERROR "package_consumer: ${name} failed (${result}):\n${output}")
    endif()
    message(STATUS "package_consumer: ${name} ok")
    set(step_output "${output}" PARENT_SCOPE)
endfunction()

set(config_arguments)
set(build_type "")
if(CONFIG)
    set(config_arguments --config ${CONFIG})
    set(build_type ${CONFIG})
endif()

run_step(install ${CMAKE_COMMAND} --install ${PROJECT_BUILD_DIR} --prefix ${prefix}
         ${config_arguments})

set(configure_arguments
    -S ${CONSUMER_SOURCE_DIR} -B ${consumer_build} -G ${GENERATOR}
    -DCMAKE_BUILD_TYPE=${build_type}
    -DCMAKE_PREFIX_PATH=${prefix})
if(CXX_COMPILER)
    list(APPEND configure_arguments -DCMAKE_CXX_COMPILER=${CXX_COMPILER})
endif()
if(QT6_DIR)
    # The same Qt the project was built with, wherever it lives.
    list(APPEND configure_arguments -DQt6_DIR=${QT6_DIR})
endif()
run_step(configure ${CMAKE_COMMAND} ${configure_arguments})
run_step(build ${CMAKE_COMMAND} --build ${consumer_build} ${config_arguments})

find_program(consumer consumer PATHS ${consumer_build} ${consumer_build}/${build_type}
             NO_DEFAULT_PATH REQUIRED)
run_step(run ${consumer})
message(STATUS "${step_output}")
