@area:qmtcfg @sub-option:edit/timeout
Feature: AT+QMTCFG="edit/timeout" — MQTT input-data timeout (spec 3.3.1)

  Titled "Configure MQTT data format" in the note (A17, a copy error). <edit_mode>: 0/1;
  <edit_time>: 1~120 s, set together (a partial omission: A9). The query answer shows
  "[,<edit_time>]": reading A17 prints it always, or only while <edit_mode> is 1. Both defaults
  are not stated (A8: {default:editMode}, {default:editTime}).
  Omitting the optional parameters queries the setting; giving them sets it, only while the
  client has no MQTT connection. Reading A10: "created" by a successful AT+QMTOPEN (a set after it
  is ERROR) or by the CONNECT of AT+QMTCONN (still OK after AT+QMTOPEN); once CONNECT is out every
  reading refuses, and a refused set leaves the setting as it was.
  Every answer must come within 300 ms (spec 3.3.1 maximum response time).
  Readings of the note this feature depends on (src/variants/readings.ts): A8 (editMode, editTime), A9, A10, A17.

  Rule: The query form reports the current setting

    @spec:3.3.1:edit/timeout:query @spec:3.3.1:max-response-time @reboot
    Scenario: A freshly restarted module reports the default "edit/timeout" setting
      Given the module has restarted
      When the host sends AT+QMTCFG="edit/timeout",0
      Then by reading A17 the module answers one of:
        | always       | +QMTCFG: "edit/timeout",{default:editMode},{default:editTime} |
        | when-enabled | +QMTCFG: "edit/timeout",1,{default:editTime}                  |
        | when-enabled | +QMTCFG: "edit/timeout",0                                     |

  Rule: The set form accepts exactly the documented values, and the query reports them back

    @spec:3.3.1:edit/timeout:set @spec:3.3.1:edit/timeout:query
    Scenario Outline: "edit/timeout" set to <value> on client <idx> is reported back
      When the host sends AT+QMTCFG="edit/timeout",<idx>,<value>
      Then the module answers OK
      When the host sends AT+QMTCFG="edit/timeout",<idx>
      Then by reading A17 the module answers one of:
        | always       | +QMTCFG: "edit/timeout",<reported> |
        | when-enabled | +QMTCFG: "edit/timeout",<short>    |

      @spec:3.3.1:edit/timeout:edit_mode:range
      Examples: <edit_mode> in range
        | idx | value | reported | short |
        | 0   | 0,30  | 0,30     | 0     |
        | 3   | 1,30  | 1,30     | 1,30  |

      @spec:3.3.1:edit/timeout:edit_time:range
      Examples: <edit_time> in range
        | idx | value | reported | short |
        | 0   | 1,1   | 1,1      | 1,1   |
        | 3   | 1,120 | 1,120    | 1,120 |

    Scenario Outline: "edit/timeout" set to <value> is refused with ERROR
      When the host sends AT+QMTCFG="edit/timeout",0,<value>
      Then the module answers ERROR

      @spec:3.3.1:edit/timeout:edit_mode:range
      Examples: <edit_mode> out of range or not a number
        | value |
        | 2,30 |
        | -1,30 |
        | x,30 |

      @spec:3.3.1:edit/timeout:edit_time:range
      Examples: <edit_time> out of range or not a number
        | value |
        | 1,0 |
        | 1,121 |
        | 1,x |

      @spec:3.3.1:edit/timeout:set
      Examples: wrong number of parameters
        | value |
        | 1,30,1 |

  Rule: A partial omission keeps the previous values, or is refused (A9)

    # spec 3.1.1: "when an optional parameter of a configuration command is omitted, its previously
    # set value or its default value is used"; 3.3.1 does not say whether a partial omission is one.
    @spec:3.3.1:edit/timeout:set @spec:3.3.1:edit/timeout:query
    Scenario Outline: "edit/timeout" set with only <partial> keeps the omitted values, or is refused
      When the host sends AT+QMTCFG="edit/timeout",0,0,60
      Then the module answers OK
      When the host sends AT+QMTCFG="edit/timeout",0,<partial>
      Then by reading A9 the module answers one of:
        | keep-previous | OK    |
        | error         | ERROR |
      When the host sends AT+QMTCFG="edit/timeout",0
      Then by reading A9 the module answers one of:
        | keep-previous | +QMTCFG: "edit/timeout",<kept> |
        | error         | +QMTCFG: "edit/timeout",0,60 |
        | error         | +QMTCFG: "edit/timeout",0 |

      Examples:
        | partial | kept   |
        | 1       | 1,60   |

  Rule: The setting cannot be changed while the client has an MQTT connection

    # A10: "connection created" is a successful AT+QMTOPEN (the set is refused, the setting kept) or
    # the CONNECT of AT+QMTCONN (the set is still accepted after AT+QMTOPEN alone).
    @spec:3.3.1:edit/timeout:not-while-connected
    Scenario: "edit/timeout" cannot be set on client 0 after AT+QMTOPEN succeeded
      When the host sends AT+QMTCFG="edit/timeout",0,1,30
      Then the module answers OK
      Given client 0 has opened a network connection to the broker
      When the host sends AT+QMTCFG="edit/timeout",0,1,60
      Then by reading A10 the module answers one of:
        | after-open    | ERROR |
        | after-connect | OK    |
      When the host sends AT+QMTCFG="edit/timeout",0
      Then by reading A10 the module answers one of:
        | after-open    | +QMTCFG: "edit/timeout",1,30 |
        | after-connect | +QMTCFG: "edit/timeout",1,60 |

    # Once CONNECT has gone out the connection exists in every reading of A10: the set is refused.
    @spec:3.3.1:edit/timeout:not-while-connected
    Scenario: "edit/timeout" cannot be set on client 0 while its MQTT connection is up
      Given client 0 is connected to the broker as "qmt-cfg-connected"
      When the host sends AT+QMTCFG="edit/timeout",0,1,60
      Then the module answers ERROR
