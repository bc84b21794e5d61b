@area:qmtcfg @sub-option:recv/mode
Feature: AT+QMTCFG="recv/mode" — receiving mode of data from the server (spec 3.3.1)

  <msg_recv_mode>: 0 = messages reported as URCs, 1 = not reported as URCs (buffered);
  <msg_len_enable>: 0/1 whether the URC carries the payload length. Defaults lost (A8).
  Omitting the optional parameters queries the setting; giving them sets it, only while the
  client has no MQTT connection. Reading A10: "created" by a successful AT+QMTOPEN (a set after it
  is ERROR) or by the CONNECT of AT+QMTCONN (still OK after AT+QMTOPEN); once CONNECT is out every
  reading refuses, and a refused set leaves the setting as it was.
  Every answer must come within 300 ms (spec 3.3.1 maximum response time).
  Readings of the note this feature depends on (src/variants/readings.ts): A8 (msgRecvMode, msgLenEnable), A9, A10.

  Rule: The query form reports the current setting

    @spec:3.3.1:recv/mode:query @spec:3.3.1:max-response-time @reboot
    Scenario: A freshly restarted module reports the default "recv/mode" setting
      Given the module has restarted
      When the host sends AT+QMTCFG="recv/mode",0
      Then the module answers:
        """
        +QMTCFG: "recv/mode",{default:msgRecvMode},{default:msgLenEnable}
        OK
        """

  Rule: The set form accepts exactly the documented values, and the query reports them back

    @spec:3.3.1:recv/mode:set @spec:3.3.1:recv/mode:query
    Scenario Outline: "recv/mode" set to <value> on client <idx> is reported back
      When the host sends AT+QMTCFG="recv/mode",<idx>,<value>
      Then the module answers OK
      When the host sends AT+QMTCFG="recv/mode",<idx>
      Then the module answers:
        """
        +QMTCFG: "recv/mode",<reported>
        OK
        """

      @spec:3.3.1:recv/mode:msg_recv_mode:range
      Examples: <msg_recv_mode> in range
        | idx | value | reported |
        | 0   | 0,1 | 0,1 |
        | 3   | 1,1 | 1,1 |

      @spec:3.3.1:recv/mode:msg_len_enable:range
      Examples: <msg_len_enable> in range
        | idx | value | reported |
        | 0   | 0,0 | 0,0 |
        | 3   | 0,1 | 0,1 |

    Scenario Outline: "recv/mode" set to <value> is refused with ERROR
      When the host sends AT+QMTCFG="recv/mode",0,<value>
      Then the module answers ERROR

      @spec:3.3.1:recv/mode:msg_recv_mode:range
      Examples: <msg_recv_mode> out of range or not a number
        | value |
        | 2,1 |
        | -1,1 |
        | x,1 |

      @spec:3.3.1:recv/mode:msg_len_enable:range
      Examples: <msg_len_enable> out of range or not a number
        | value |
        | 0,2 |
        | 0,-1 |
        | 0,x |

      @spec:3.3.1:recv/mode:set
      Examples: wrong number of parameters
        | value |
        | 0,1,1 |

  Rule: A partial omission keeps the previous values, or is refused (A9)

    # spec 3.1.1: "when an optional parameter of a configuration command is omitted, its previously
    # set value or its default value is used"; 3.3.1 does not say whether a partial omission is one.
    @spec:3.3.1:recv/mode:set @spec:3.3.1:recv/mode:query
    Scenario Outline: "recv/mode" set with only <partial> keeps the omitted values, or is refused
      When the host sends AT+QMTCFG="recv/mode",0,1,1
      Then the module answers OK
      When the host sends AT+QMTCFG="recv/mode",0,<partial>
      Then by reading A9 the module answers one of:
        | keep-previous | OK    |
        | error         | ERROR |
      When the host sends AT+QMTCFG="recv/mode",0
      Then by reading A9 the module answers one of:
        | keep-previous | +QMTCFG: "recv/mode",<kept> |
        | error         | +QMTCFG: "recv/mode",1,1 |

      Examples:
        | partial | kept   |
        | 0       | 0,1    |

  Rule: The setting cannot be changed while the client has an MQTT connection

    # A10: "connection created" is a successful AT+QMTOPEN (the set is refused, the setting kept) or
    # the CONNECT of AT+QMTCONN (the set is still accepted after AT+QMTOPEN alone).
    @spec:3.3.1:recv/mode:not-while-connected
    Scenario: "recv/mode" cannot be set on client 0 after AT+QMTOPEN succeeded
      When the host sends AT+QMTCFG="recv/mode",0,1,0
      Then the module answers OK
      Given client 0 has opened a network connection to the broker
      When the host sends AT+QMTCFG="recv/mode",0,0,1
      Then by reading A10 the module answers one of:
        | after-open    | ERROR |
        | after-connect | OK    |
      When the host sends AT+QMTCFG="recv/mode",0
      Then by reading A10 the module answers one of:
        | after-open    | +QMTCFG: "recv/mode",1,0 |
        | after-connect | +QMTCFG: "recv/mode",0,1 |

    # Once CONNECT has gone out the connection exists in every reading of A10: the set is refused.
    @spec:3.3.1:recv/mode:not-while-connected
    Scenario: "recv/mode" cannot be set on client 0 while its MQTT connection is up
      Given client 0 is connected to the broker as "qmt-cfg-connected"
      When the host sends AT+QMTCFG="recv/mode",0,0,1
      Then the module answers ERROR
